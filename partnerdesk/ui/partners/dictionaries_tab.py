"""Editor of the partner dictionaries: partner types (with the number they carry, their Yuzhong family and
"1+3+N" category), service domains, need sources."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.partners import GROUP, INDIVIDUAL, ORGANISATION
from ...services import dictionaries
from ...services.dictionaries import DICTIONARIES, KINDS, DictRow
from ..models.table import CENTER, RIGHT, Column, RowTableModel
from ..pages.base import Page
from ..session import Session
from . import labels
from .form_dialog import Field, FormDialog
from .widgets import combo_value, fill_combo, set_widths, table_view

CONTEXT = "DictionariesTab"
# The "1+3+N" categories shipped with the presets (核心 = the 3 core kinds, 拓展 = the N extended ones). They are
# stored values like the preset labels, so they stay Chinese in every interface language; free text is allowed.
CATEGORY_PRESETS = ("核心·驻区企业", "核心·社会组织", "核心·居民能人", "拓展·政府部门", "拓展·公益慈善团队",
                    "拓展·志愿服务队", "拓展·志愿者")
TYPE_ONLY = (2, 3, 4)  # number carried, Yuzhong family, 1+3+N category: partner types only
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DictionariesTab", "Code"), lambda d: d.code),
    Column(QT_TRANSLATE_NOOP("DictionariesTab", "Label"), lambda d: d.label),
    Column(QT_TRANSLATE_NOOP("DictionariesTab", "Number carried"), lambda d: labels.holder(d.holder)),
    Column(QT_TRANSLATE_NOOP("DictionariesTab", "Yuzhong family"), lambda d: d.grp),
    Column(QT_TRANSLATE_NOOP("DictionariesTab", "1+3+N category"), lambda d: d.category),
    Column(QT_TRANSLATE_NOOP("DictionariesTab", "Order"), lambda d: str(d.sort), RIGHT),
    Column(QT_TRANSLATE_NOOP("DictionariesTab", "In use"), lambda d: "✓" if d.active else "", CENTER),
)


class DictionariesTab(Page):
    areas = frozenset({DICTIONARIES})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.kind = QComboBox()
        fill_combo(self.kind, [(k, labels.dictionary_kind(k)) for k in KINDS], keep=False)
        self.model: RowTableModel[DictRow] = RowTableModel(COLUMNS, CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (12, 12, 15, 8, 10, 4, 4))
        self.add_button, self.edit_button = QPushButton(self.tr("Add…")), QPushButton(self.tr("Change…"))
        self.dialog: FormDialog | None = None
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Dictionary")))
        row.addWidget(self.kind)
        row.addStretch(1)
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Codes stay fixed once created; switch an entry off instead of deleting it."),
                                wordWrap=True))
        layout.addWidget(self.table, 1)
        self.kind.currentIndexChanged.connect(self.reload)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.model.row_at(self.table.currentIndex())))
        self.table.activated.connect(lambda index: self.edit(self.model.row_at(index)))

    def current_kind(self) -> str:
        return combo_value(self.kind)

    def reload(self) -> None:
        kind = self.current_kind()
        for column in TYPE_ONLY:
            self.table.setColumnHidden(column, kind != "partner_type")
        self.model.set_rows(dictionaries.items(self.session.ws, kind, include_inactive=True))

    def _fields(self, kind: str, existing: bool) -> list[Field]:
        fields = [Field("code", self.tr("Code"), read_only=existing), Field("label", self.tr("Label"))]
        if kind == "partner_type":
            holders = [(h, labels.holder(h)) for h in (ORGANISATION, INDIVIDUAL, GROUP)]
            fields += [Field("holder", self.tr("Number carried"), "combo", holders),
                       Field("grp", self.tr("Yuzhong family")),
                       Field("category", self.tr("1+3+N category"), "combo", self._categories(), blank="")]
        return fields + [Field("sort", self.tr("Order"), "int"), Field("active", self.tr("In use"), "check")]

    def _categories(self) -> list[tuple[str, str]]:
        """The presets, then any other category already in use."""
        used = [d.category for d in self.model.rows() if d.category and d.category not in CATEGORY_PRESETS]
        return [(c, c) for c in dict.fromkeys((*CATEGORY_PRESETS, *used))]

    def edit(self, row: DictRow | None) -> None:
        kind, ws = self.current_kind(), self.session.ws
        values = {"active": True, "sort": (len(self.model.rows()) + 1) * 10} if row is None else row.__dict__

        def save(v: dict):  # noqa: ANN202 - Outcome[DictRow]
            grp, category = self._frames(kind, row, v)
            return dictionaries.save_item(ws, kind, v["code"], v["label"], holder=v.get("holder") or "",
                                          grp=grp, category=category, sort=v["sort"], active=v["active"],
                                          item_id=row.id if row else None, version=row.version if row else None)

        title = self.tr("Change entry") if row else self.tr("New entry")
        self.dialog = FormDialog(f"{title} · {labels.dictionary_kind(kind)}", self._fields(kind, row is not None),
                                 save, values, self)
        if kind == "partner_type":
            self._free_text(self.dialog.widget("category"), row.category if row else "")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.open()

    @staticmethod
    def _free_text(combo: QComboBox, text: str) -> None:
        """The category combo takes free text besides its presets."""
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setCurrentText(text)

    def _frames(self, kind: str, row: DictRow | None, values: dict) -> tuple[str, str]:
        """Yuzhong family and 1+3+N category: as typed for partner types, kept as they were for other kinds."""
        if kind == "partner_type" and self.dialog is not None:
            return values["grp"], self.dialog.widget("category").currentText()
        return (row.grp, row.category) if row else ("", "")
