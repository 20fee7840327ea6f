"""The dashboard's "Agreements ending soon" reminder: a 30/60/90-day window (remembered in the settings), the
count, the first few, and a button that opens the agreements list filtered to them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ... import settings as settings_mod
from ...domain.agreements import REMINDER_DAYS
from ...services import reminders
from ..formatting import day
from ..models.table import CENTER, Column, RowTableModel
from ..operations import run_command
from ..partners.widgets import combo_value, select_value, set_widths, table_view

CONTEXT = "ExpiringReminder"
SHOWN = 5
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ExpiringReminder", "Ends"), lambda r: day(r.end_date), CENTER),
    Column(QT_TRANSLATE_NOOP("ExpiringReminder", "Agreement"), lambda r: r.number),
    Column(QT_TRANSLATE_NOOP("ExpiringReminder", "Partner"), lambda r: r.partner_name),
    Column(QT_TRANSLATE_NOOP("ExpiringReminder", "Space"), lambda r: f"{r.space_name}（{r.community_name}）"),
)


def expiring(ws, days: int) -> tuple[int, list[reminders.ExpiringRow]]:  # noqa: ANN001
    return reminders.expiring_agreements(ws, days, limit=SHOWN)


class ExpiringReminder(QGroupBox):
    """``open_list(days)`` when the user asks for the whole list."""

    open_list = Signal(int)

    def __init__(self, session, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setTitle(self.tr("Agreements ending soon"))
        self.session = session
        self.window_combo = QComboBox(objectName="reminderWindow")
        for days in REMINDER_DAYS:
            self.window_combo.addItem(self.tr("within %1 days").replace("%1", str(days)), days)
        select_value(self.window_combo, session.settings.agreement_reminder_days)
        self.count = QLabel(objectName="expiringCount")  # styled in resources/style/partnerdesk.qss
        self.list_button = QPushButton(self.tr("Show the list"), objectName="showExpiring")
        self.model: RowTableModel = RowTableModel(COLUMNS, CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (6, 11, 10, 12))
        head = QHBoxLayout()
        head.addWidget(self.count)
        head.addWidget(QLabel(self.tr("agreements in force end")))
        head.addWidget(self.window_combo)
        head.addStretch(1)
        head.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table)
        self.window_combo.currentIndexChanged.connect(self._window_changed)
        self.list_button.clicked.connect(lambda: self.open_list.emit(self.days()))
        self.table.activated.connect(lambda _index: self.open_list.emit(self.days()))

    def days(self) -> int:
        return combo_value(self.window_combo) or REMINDER_DAYS[0]

    def _window_changed(self) -> None:
        settings = self.session.settings
        if settings.agreement_reminder_days != self.days():
            settings.agreement_reminder_days = self.days()
            settings_mod.save(settings)
        self.reload()

    def reload(self) -> None:
        ws, days = self.session.ws, self.days()
        run_command(self, lambda: expiring(ws, days), on_done=self._show)

    def _show(self, result: tuple[int, list]) -> None:
        n, rows = result
        self.count.setText(str(n))
        self.model.set_rows(rows)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + row_height * len(rows) + 4)
        self.table.setVisible(bool(rows))
