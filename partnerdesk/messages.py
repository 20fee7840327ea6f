"""Error codes -> user-facing messages, in both languages. Used by the two edges (UI and CLI).

A catalogue as data rather than Qt .ts because the CLI runs without Qt; the UI picks the language the
user chose. Every DomainError code raised anywhere must have an entry (a test enforces it).
"""

from __future__ import annotations

from .domain.errors import DomainError

# code: (zh_CN, en); placeholders use str.format names from DomainError.params
MESSAGES: dict[str, tuple[str, str]] = {
    "auth.not_signed_in": ("请先登录。", "Please sign in first."),
    "auth.forbidden": ("您的角色（{role}）无权执行此操作（{action}）。",
                       "Your role ({role}) may not do this ({action})."),
    "auth.bad_credentials": ("用户名或密码不正确。", "Wrong user name or password."),
    "auth.locked": ("登录失败次数过多，账户已锁定至 {until}。",
                    "Too many failed sign-ins: the account is locked until {until}."),
    "password.too_short": ("密码至少需要 {min} 个字符。", "The password needs at least {min} characters."),
    "password.too_simple": ("密码不能只含数字或只含字母。", "The password must mix letters with digits or symbols."),
    "user.bad_name": ("用户名不能为空、不能含空格、不超过64个字符。",
                      "The user name must be 1–64 characters without spaces."),
    "user.exists": ("用户名“{username}”已存在。", "The user name “{username}” is taken."),
    "user.bad_role": ("未知角色：{role}。", "Unknown role: {role}."),
    "user.needs_community": ("社区工作者至少要分配一个社区。", "A community worker needs at least one community."),
    "user.cannot_demote_self": ("不能停用自己或取消自己的管理员角色。",
                                "You cannot deactivate yourself or remove your own administrator role."),
    "init.already_done": ("数据库已初始化，已有管理员账户。", "This database already has an administrator."),
    "office.required": ("请填写区和街道名称。", "Please enter the district and the street."),
    "org.name_required": ("名称不能为空。", "The name cannot be empty."),
    "org.bad_parent": ("上级单位类型不正确（{kind}）。", "Wrong kind of parent unit for a {kind}."),
    "org.duplicate_name": ("同一上级下已有名为“{name}”的单位。", "There is already a unit named “{name}” there."),
    "org.not_community": ("所选单位不是社区（编号 {id}）。", "Unit {id} is not a community."),
    "org.phase_order": ("推进阶段日期顺序不对：后一阶段（{phase}）不能早于前一阶段。",
                        "Phase dates out of order: a later phase ({phase}) cannot come first."),
    "org.in_use": ("“{name}”仍有下级单位或用户，不能删除。", "“{name}” still has units or users; it cannot be deleted."),
    "record.missing": ("记录不存在或已被删除。", "The record no longer exists."),
    "record.conflict": ("该记录已被他人修改，请刷新后重试。",
                        "Someone else changed this record meanwhile. Reload it and try again."),
    "record.duplicate": ("与已有记录重复：{detail}", "Duplicates an existing record: {detail}"),
    "record.referenced": ("该记录仍被其他记录引用，或引用的记录不存在。",
                          "The record is still referred to, or refers to a record that does not exist."),
    "db.busy": ("数据库正忙，请稍后重试。", "The database is busy; please try again."),
    "db.read_only": ("数据库以只读方式打开，不能保存更改。", "The database is open read-only; changes cannot be saved."),
    "db.in_use": ("该数据库正由 {user}@{host}（进程 {pid}，自 {since}）使用。",
                  "The database is in use by {user}@{host} (process {pid}, since {since})."),
    "db.unusable": ("数据库文件无法使用（{state}：{detail}）：{path}",
                    "The database file cannot be used ({state}: {detail}): {path}"),
    "db.missing": ("数据库不存在：{path}", "No database at {path}"),
    "db.newer_schema": ("该数据库由更新版本的 PartnerDesk 创建，只能以只读方式打开。",
                        "A newer PartnerDesk wrote this database; it can only be opened read-only."),
    "backup.server_side": ("PostgreSQL 服务器的备份由服务器管理员负责（例如 pg_dump），本程序不做备份。",
                           "On a PostgreSQL server, backups are the server's job (e.g. pg_dump), not the app's."),
    "backup.no_folder": ("未设置备份文件夹。", "No backup folder is set."),
    "backup.unverified": ("备份校验未通过（{reason}），已保留原有备份。",
                          "The backup did not verify ({reason}); the older backups were kept."),
    "restore.refused": ("拒绝恢复：该文件不是经过校验的 PartnerDesk 数据库（{reason}）。",
                        "Restore refused: not a verified PartnerDesk database ({reason})."),
    "demo.bad_scale": ("未知的演示数据规模：{scale}。", "Unknown demo scale: {scale}."),
    "demo.already_loaded": ("演示数据已经加载过。", "Demonstration data is already loaded."),
    "money.float_refused": ("金额不能使用浮点数。", "Amounts cannot be floating-point numbers."),
    "money.invalid": ("金额格式不正确：{value}", "Not an amount: {value}"),
    "money.sub_fen": ("金额最多保留到分：{value}", "Amounts stop at the fen (0.01): {value}"),
    "money.bad_percent": ("比例须在 0 到 100 之间：{percent}", "The percentage must be 0–100: {percent}"),
    "uscc.checksum": ("统一社会信用代码校验位不正确：{value}", "Wrong check character in the credit code {value}"),
    "uscc.invalid": ("统一社会信用代码格式不正确：{value}", "Not a valid unified social credit code: {value}"),
    "uscc.numeric_cell": ("统一社会信用代码单元格是数字格式（{value}），请把该列设为文本。",
                          "The credit code cell is a number ({value}); format the column as text."),
    "resident_id.checksum": ("身份证号码校验位不正确：{value}", "Wrong check digit in the ID number {value}"),
    "resident_id.invalid": ("身份证号码格式不正确：{value}", "Not a valid resident ID number: {value}"),
    "resident_id.numeric_cell": ("身份证号码单元格是数字格式（{value}），请把该列设为文本。",
                                 "The ID number cell is a number ({value}); format the column as text."),
    "resident_id.bad_birth_date": ("身份证号码中的出生日期无效：{value}", "The birth date in the ID number is not valid: {value}"),
    "mobile.invalid": ("手机号码格式不正确：{value}", "Not a valid mobile number: {value}"),
    "mobile.numeric_cell": ("手机号码单元格是数字格式（{value}），请把该列设为文本。",
                            "The mobile number cell is a number ({value}); format the column as text."),
}


def message(code: str, params: dict | None = None, language: str = "zh_CN") -> str:
    zh, en = MESSAGES.get(code, (f"操作失败（{code}）。", f"The action failed ({code})."))
    template = en if language == "en" else zh
    try:
        return template.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        return template


def describe(error: DomainError, language: str = "zh_CN") -> str:
    return message(error.code, error.params, language)
