"""Template editor (admins): wording, margins and fonts of each document, with a live preview.

Edits are saved as the office's own version (``services.templates``); the shipped templates stay intact and
Revert goes back to them. The preview is re-rendered with sample data (the first record the document prints
for, else the template's labels) on a short debounce in a worker thread, so typing never waits for it; only
the newest request is drawn, and a template error is shown inline with its place while the last good preview
stays on screen."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.roles import Perm
from ...messages import describe
from ...services import templates
from ..i18n import current_language
from ..operations import run_command
from ..partners.widgets import Debouncer
from ..session import Session
from .template_preview import PreviewWorker

PREVIEW_DELAY_MS = 350
MARGINS = ("margin_top_mm", "margin_bottom_mm", "margin_left_mm", "margin_right_mm")
STYLES = ("fangsong", "song", "title", "hei", "kai")
STYLE_NAMES = {"fangsong": "仿宋", "song": "宋体", "title": "小标宋", "hei": "黑体", "kai": "楷体"}


class TemplateEditor(QDialog):
    """``saved(entry)`` after a save or a revert."""

    saved = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Document templates"))
        self.session = session
        self.kind = ""
        self.editable: templates.Editable | None = None
        self.data: dict[str, Any] = {}
        self.bindings: list[tuple[int, str, QWidget]] = []  # (block index, key, editor)
        self.dirty = False
        self.loading = False
        self.pdf = b""
        self.fallback_gen = 0
        self.worker = PreviewWorker(self)
        self.debounce = Debouncer(PREVIEW_DELAY_MS, self)
        self.fonts = templates.font_choices(session.ws)
        self.defaults = templates.default_fonts(session.ws)
        self._build()
        self.worker.ready.connect(self._show_preview)
        self.worker.failed.connect(self._show_error)
        self.debounce.fire.connect(self.refresh_preview)
        self.fill_list()
        self.resize(1280, 860)

    # -- widgets -----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.list = QListWidget(objectName="templateList")
        self.list.setMinimumWidth(200)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.version_label = QLabel(objectName="templateVersion", wordWrap=True)
        self.title_edit = QLineEdit(objectName="templateTitle")
        self.texts_box = QGroupBox(self.tr("Wording"))
        self.texts_layout = QFormLayout(self.texts_box)
        self.texts_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.margins: dict[str, QDoubleSpinBox] = {}
        margins_box = QGroupBox(self.tr("Margins (mm)"))
        grid = QGridLayout(margins_box)
        names = (self.tr("Top"), self.tr("Bottom"), self.tr("Left"), self.tr("Right"))
        for k, (key, label) in enumerate(zip(MARGINS, names, strict=True)):
            spin = QDoubleSpinBox(objectName=key, decimals=1, minimum=5.0, maximum=80.0, singleStep=0.5)
            spin.valueChanged.connect(self._edited)
            self.margins[key] = spin
            grid.addWidget(QLabel(label), k // 2, (k % 2) * 2)
            grid.addWidget(spin, k // 2, (k % 2) * 2 + 1)
        fonts_box = QGroupBox(self.tr("Fonts"))
        fonts_form = QFormLayout(fonts_box)
        self.font_combos: dict[str, QComboBox] = {}
        for style in STYLES:
            combo = QComboBox(objectName=f"font_{style}")
            combo.addItem(self.tr("Default (%1)").replace("%1", self.defaults.get(style, "")), "")
            for choice in self.fonts:
                combo.addItem(f"{choice.family} — {choice.name}", choice.name)
            combo.currentIndexChanged.connect(self._edited)
            self.font_combos[style] = combo
            fonts_form.addRow(STYLE_NAMES[style], combo)
        self.errors = QLabel(objectName="templateErrors", wordWrap=True)
        self.errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors.setStyleSheet("QLabel { color: #b00020; }")
        self.errors.hide()
        form_widget = QWidget()
        form = QVBoxLayout(form_widget)
        head = QFormLayout()
        head.addRow(self.tr("Title"), self.title_edit)
        form.addWidget(self.version_label)
        form.addLayout(head)
        form.addWidget(self.texts_box)
        form.addWidget(margins_box)
        form.addWidget(fonts_box)
        form.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(form_widget)
        scroll.setMinimumWidth(420)
        self.document = QPdfDocument(self)
        self.buffer = QBuffer(self)
        self.view = QPdfView(self, objectName="templatePreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview_status = QLabel(objectName="previewStatus")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.preview_status)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(scroll, 1)
        middle_layout.addWidget(self.errors)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([220, 460, 600])
        self.save_button = QPushButton(self.tr("Save as office version"), objectName="saveTemplate")
        self.revert_button = QPushButton(self.tr("Revert to shipped"), objectName="revertTemplate")
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(self._kind_chosen)
        self.title_edit.textChanged.connect(self._edited)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.close_button.clicked.connect(self.close)

    def fill_list(self, keep: str = "") -> None:
        keep = keep or self.kind
        self.list.blockSignals(True)
        self.list.clear()
        for entry in templates.list_templates(self.session.ws):
            origin = self.tr("office version") if entry.origin == "office" else self.tr("shipped")
            item = QListWidgetItem(f"{entry.name}\n{entry.version} · {origin}")
            item.setSizeHint(self._item_size(item.text()))
            item.setData(Qt.ItemDataRole.UserRole, entry.kind)
            item.setToolTip(entry.kind)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i in range(self.list.count())
                    if self.list.item(i).data(Qt.ItemDataRole.UserRole) == keep), 0)
        self.list.setCurrentRow(-1)
        self.list.setCurrentRow(row)

    ITEM_MARGIN = 8  # px above and below the two lines, room for the style's item frame

    def _item_size(self, text: str) -> QSize:
        """Both lines, measured with the glyphs they use: the list's own estimate takes the Latin font's line
        height for a line of Latin text, too short beside a line of Chinese, and Qt then elides the second line."""
        width = max(self.list.viewport().width(), self.list.minimumWidth()) - 12
        rect = self.list.fontMetrics().boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, text)
        return QSize(0, rect.height() + self.ITEM_MARGIN)

    # -- loading a template into the editors -------------------------------------------------------------
    def _kind_chosen(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        kind = current.data(Qt.ItemDataRole.UserRole)
        if self.dirty and kind != self.kind and not self._discard_ok():
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)
            self.list.blockSignals(False)
            return
        self.load(kind)

    def _discard_ok(self) -> bool:
        answer = QMessageBox.question(self, self.tr("Document templates"),
                                      self.tr("Discard the changes to this template?"))
        return answer == QMessageBox.StandardButton.Yes

    def load(self, kind: str) -> None:
        from ...documents.profiles import get_profile

        ws = self.session.ws
        self.loading = True
        try:
            self.kind = kind
            self.editable = ed = templates.load_for_editing(ws, kind)
            self.data = templates.sample_data(ws, kind)
            raw = ed.raw
            self.title_edit.setText(raw.get("title", ""))
            self._fill_texts(raw)
            base = get_profile(raw.get("profile", "gbt9704"))
            layout = raw.get("layout") or {}
            for key, spin in self.margins.items():
                spin.setValue(float(layout.get(key, getattr(base, key))))
            for style, combo in self.font_combos.items():
                index = combo.findData((raw.get("fonts") or {}).get(style, ""))
                combo.setCurrentIndex(max(index, 0))
            if ed.origin == "office":
                text = self.tr("Office version %1 (shipped version %2).").replace("%1", ed.version) \
                    .replace("%2", ed.shipped_version)
            else:
                text = self.tr("Shipped version %1.").replace("%1", ed.version)
            self.version_label.setText(text)
        finally:
            self.loading = False
        self.dirty = False
        self._set_errors("")
        self._update_buttons()
        self.refresh_preview()

    def _fill_texts(self, raw: dict) -> None:
        while self.texts_layout.rowCount():
            self.texts_layout.removeRow(0)
        self.bindings = []
        for i, block in enumerate(raw.get("blocks", [])):
            kind = block.get("type")
            if kind in ("paragraph", "heading"):
                self._add_text(i, "text", self.tr("Paragraph") if kind == "paragraph" else self.tr("Heading"),
                               block.get("text", ""))
            elif kind in ("clauses", "attachments"):
                label = self.tr("Clauses (one per line)") if kind == "clauses" else self.tr("Attachments (one per line)")
                self._add_text(i, "items", label, "\n".join(block.get("items", [])))
            elif kind == "signature" and "parties" not in block:
                self._add_text(i, "lines", self.tr("Signature lines (one per line)"), "\n".join(block.get("lines", [])))

    def _add_text(self, index: int, key: str, label: str, text: str) -> None:
        edit = QPlainTextEdit(objectName=f"block{index}_{key}")
        edit.setPlainText(text)
        lines = max(2, min(10, text.count("\n") + 1 + len(text) // 34))
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        edit.textChanged.connect(self._edited)
        self.bindings.append((index, key, edit))
        self.texts_layout.addRow(label, edit)

    # -- the edited template -----------------------------------------------------------------------------
    def edited_raw(self) -> dict:
        """The template JSON with every editor's value applied (a copy)."""
        from ...documents.profiles import get_profile

        assert self.editable is not None
        raw = copy.deepcopy(self.editable.raw)
        raw["title"] = self.title_edit.text()
        for index, key, edit in self.bindings:
            text = edit.toPlainText()
            if key == "text":
                raw["blocks"][index][key] = text.strip("\n")
            else:
                raw["blocks"][index][key] = [line for line in text.splitlines() if line.strip()]
        base = get_profile(raw.get("profile", "gbt9704"))
        layout = {k: v for k, v in (raw.get("layout") or {}).items() if k not in MARGINS}
        for key, spin in self.margins.items():
            if abs(spin.value() - getattr(base, key)) > 1e-6:
                layout[key] = round(spin.value(), 1)
        raw["layout"] = layout
        raw["fonts"] = {s: c.currentData() for s, c in self.font_combos.items() if c.currentData()}
        for key in ("layout", "fonts"):
            if not raw[key]:
                del raw[key]
        return raw

    def _edited(self, *_: object) -> None:
        if self.loading:
            return
        self.dirty = True
        self._update_buttons()
        self.debounce.poke()

    def refresh_preview(self) -> None:
        if self.editable is None:
            return
        self.preview_status.setText(self.tr("Updating the preview…"))
        self.worker.request(self.edited_raw(), self.data)

    def _show_preview(self, gen: int, pdf: bytes) -> None:
        fallback = gen == self.fallback_gen
        self.pdf = pdf
        self.document.close()
        self.buffer.close()
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)
        if fallback:
            self.preview_status.setText(self.tr("The preview shows the last version without errors."))
            return
        self._set_errors("")
        self.preview_status.setText(self.tr("Preview with sample data: %1 pages.")
                                    .replace("%1", str(self.document.pageCount())))

    def _show_error(self, _gen: int, err: object) -> None:
        self._set_errors(self._describe(err))
        self.preview_status.setText(self.tr("The preview shows the last version without errors."))
        if not self.pdf and self.editable is not None:  # nothing drawn yet: show the saved version
            self.fallback_gen = self.worker.request(copy.deepcopy(self.editable.raw), self.data)

    def _describe(self, err: object) -> str:
        if isinstance(err, DomainError) and err.code == "template.invalid":
            places = str(err.params.get("errors", "")).split("; ")
            return self.tr("Please correct:") + "\n" + "\n".join(f"• {p}" for p in places)
        if isinstance(err, DomainError):
            return describe(err, current_language())
        return str(err)

    def _set_errors(self, text: str) -> None:
        self.errors.setText(text)
        self.errors.setVisible(bool(text))

    def _update_buttons(self) -> None:
        may = self.session.may_change(Perm.MANAGE_SETTINGS)
        office = self.editable is not None and self.editable.origin == "office"
        self.save_button.setEnabled(may and self.dirty)
        self.revert_button.setEnabled(may and office)

    # -- save / revert -----------------------------------------------------------------------------------
    def save(self) -> None:
        if self.editable is None:
            return
        ws, kind, raw = self.session.ws, self.kind, self.edited_raw()
        run_command(self, lambda: templates.save_office_version(ws, kind, raw), on_done=self._saved,
                    on_error=self._refused)

    def revert(self) -> None:
        if self.editable is None:
            return
        answer = QMessageBox.question(self, self.tr("Document templates"),
                                      self.tr("Print this document from the shipped template again? The office "
                                              "version stays in the database."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        ws, kind = self.session.ws, self.kind
        run_command(self, lambda: templates.revert_to_shipped(ws, kind), on_done=self._saved)

    def _saved(self, outcome) -> None:  # noqa: ANN001 - Outcome[TemplateEntry]
        self.dirty = False
        self.fill_list(self.kind)
        self.saved.emit(outcome.value)

    def _refused(self, err: DomainError) -> bool:
        if err.code == "template.invalid":
            self._set_errors(self._describe(err))
            return True
        return False

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        if self.dirty and not self._discard_ok():
            event.ignore()
            return
        self.worker.wait()
        super().closeEvent(event)
