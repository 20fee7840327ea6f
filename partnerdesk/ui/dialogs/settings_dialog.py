"""Settings of this workstation: language, backup folder and how many backups to keep, print profile."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ... import paths
from ...settings import Settings
from .form import FormDialog

LANGUAGE_NAMES = (("zh_CN", "中文（简体）"), ("en", "English"))
PRINT_PROFILES = (("gbt9704", "GB/T 9704-2012"),)


class SettingsDialog(FormDialog):
    def __init__(self, settings: Settings, is_sqlite: bool = True, parent=None) -> None:  # noqa: ANN001
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.backup_dir = QLineEdit(str(settings.resolved_backup_dir()), objectName="backupDir")
        self.keep_daily = QSpinBox(objectName="keepDaily", minimum=1, maximum=365, value=settings.keep_daily)
        self.keep_weekly = QSpinBox(objectName="keepWeekly", minimum=0, maximum=520, value=settings.keep_weekly)
        self.print_profile = QComboBox(objectName="printProfile")
        for code, name in PRINT_PROFILES:
            self.print_profile.addItem(name, code)
        self.print_profile.setCurrentIndex(max(0, self.print_profile.findData(settings.print_profile)))
        self._add_rows(is_sqlite)
        self.setMinimumWidth(520)

    def _add_rows(self, is_sqlite: bool) -> None:
        note = QLabel(self.tr("A new language shows once PartnerDesk restarts (you are offered a restart)."),
                      objectName="hint", wordWrap=True)
        self.form.addRow(self.tr("&Language:"), self.language)
        self.form.addRow("", note)
        self.form.addRow(self.tr("&Backup folder:"), self._folder_row())
        self.keep_daily.setSuffix(self.tr(" days"))
        self.keep_weekly.setSuffix(self.tr(" weeks"))
        self.form.addRow(self.tr("Keep &daily backups for:"), self.keep_daily)
        self.form.addRow(self.tr("Keep &weekly backups for:"), self.keep_weekly)
        if not is_sqlite:
            self.form.addRow("", QLabel(self.tr("This database is on a server; the server's administrator "
                                                "takes its backups."), wordWrap=True))
        self.form.addRow(self.tr("&Print profile:"), self.print_profile)

    def _folder_row(self) -> QWidget:
        browse = QPushButton(self.tr("Bro&wse…"), objectName="browseBackupDir")
        browse.clicked.connect(self._browse)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.backup_dir, 1)
        layout.addWidget(browse)
        return row

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.backup_dir.text())
        if folder:
            self.backup_dir.setText(folder)

    def validate(self) -> str:
        return "" if self.backup_dir.text().strip() else self.tr("Please choose a backup folder.")

    def apply(self, settings: Settings) -> None:
        """Write the dialog's values into ``settings`` (the caller saves them)."""
        settings.language = self.language.currentData()
        folder = self.backup_dir.text().strip()
        settings.backup_dir = "" if folder == str(paths.default_backup_dir()) else folder
        settings.keep_daily = self.keep_daily.value()
        settings.keep_weekly = self.keep_weekly.value()
        settings.print_profile = self.print_profile.currentData()
