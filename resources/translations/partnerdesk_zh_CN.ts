<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdministrationPage</name>
    <message>
        <source>Organisation</source>
        <translation>组织架构</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Backups &amp;&amp; check</source>
        <translation>备份与检查</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织架构</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restores</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>校验审计链(&amp;V)</translation>
    </message>
    <message>
        <source>Search records and values (Ctrl+F)</source>
        <translation>搜索记录和内容（Ctrl+F）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation>正在校验审计日志…</translation>
    </message>
    <message>
        <source>✓ The audit trail is intact ({n} entries checked).</source>
        <translation>✓ 审计日志完整（已校验 {n} 条）。</translation>
    </message>
    <message>
        <source>✗ The audit trail is broken at entry No. {seq} ({reason}).</source>
        <translation>✗ 审计日志在第 {seq} 条处断开（{reason}）。</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>an entry is missing</source>
        <translation>缺少一条记录</translation>
    </message>
    <message>
        <source>the link to the previous entry does not match</source>
        <translation>与上一条记录的链接不符</translation>
    </message>
    <message>
        <source>the entry was altered</source>
        <translation>该条记录被改动过</translation>
    </message>
    <message>
        <source>entries were removed from the end</source>
        <translation>末尾的记录被删除</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore selected…</source>
        <translation>恢复所选备份(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore from &amp;file…</source>
        <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Checks the database file, the references between records, the audit trail chain and every rule the data must keep.</source>
        <translation>检查数据库文件、记录之间的引用、审计日志链以及数据必须满足的各项规则。</translation>
    </message>
    <message>
        <source>Run &amp;check</source>
        <translation>开始检查(&amp;C)</translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation>备份文件夹：{path}</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>✗ {n} of {total} checks found problems.</source>
        <translation>✗ {total} 项检查中有 {n} 项发现问题。</translation>
    </message>
    <message>
        <source>✓ All {total} checks passed.</source>
        <translation>✓ 全部 {total} 项检查通过。</translation>
    </message>
</context>
<context>
    <name>CheckModel</name>
    <message>
        <source>✓ OK</source>
        <translation>✓ 正常</translation>
    </message>
    <message>
        <source>✗ Problem</source>
        <translation>✗ 有问题</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Streets</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Pilot communities</source>
        <translation>试点社区</translation>
    </message>
    <message>
        <source>Communities by rollout phase</source>
        <translation>各推进阶段的社区数</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>本机信息</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>最近备份：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>当前用户：</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
</context>
<context>
    <name>ExcelImportDialog</name>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Save the template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>Rows checked: %1, all valid: ready to import.</source>
        <translation>已检查 %1 行，全部有效，可以导入。</translation>
    </message>
    <message>
        <source>Rows checked: %1; rows to correct: %2. Nothing is imported until they are corrected.</source>
        <translation>已检查 %1 行，其中 %2 行需要更正；更正前不会导入任何数据。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to PartnerDesk</source>
        <translation>欢迎使用社区合伙人工作台</translation>
    </message>
    <message>
        <source>This database is new. Name your street office and create the administrator account. The administrator then adds the other users.</source>
        <translation>这是一个新的数据库。请填写所在的区和街道，并创建管理员账户；其他用户由管理员添加。</translation>
    </message>
    <message>
        <source>e.g. 渝中区</source>
        <translation>例如：渝中区</translation>
    </message>
    <message>
        <source>e.g. 石油路街道</source>
        <translation>例如：石油路街道</translation>
    </message>
    <message>
        <source>No, start empty</source>
        <translation>不加载，从空白开始</translation>
    </message>
    <message>
        <source>Yes, a small demonstration</source>
        <translation>加载小规模演示数据</translation>
    </message>
    <message>
        <source>Yes, a district-scale demonstration</source>
        <translation>加载全区规模演示数据</translation>
    </message>
    <message>
        <source>&amp;District:</source>
        <translation>区(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Street office:</source>
        <translation>街道(&amp;S)：</translation>
    </message>
    <message>
        <source>Administrator &amp;user name:</source>
        <translation>管理员用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>管理员姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再输一次(&amp;A)：</translation>
    </message>
    <message>
        <source>Demo &amp;data:</source>
        <translation>演示数据(&amp;D)：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Case officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Community worker</source>
        <translation>社区工作者</translation>
    </message>
    <message>
        <source>Supervision &amp; audit</source>
        <translation>监督审计</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>Pilot first</source>
        <translation>试点先行</translation>
    </message>
    <message>
        <source>Sum up experience</source>
        <translation>总结经验</translation>
    </message>
    <message>
        <source>Institutionalise</source>
        <translation>制度固化</translation>
    </message>
    <message>
        <source>Roll out everywhere</source>
        <translation>全域推广</translation>
    </message>
    <message>
        <source>Long-term operation</source>
        <translation>长效运营</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Set up the office</source>
        <translation>初始化办公室</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Change user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Change own password</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <source>Unlock user</source>
        <translation>解锁用户</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>添加单位</translation>
    </message>
    <message>
        <source>Change unit</source>
        <translation>修改单位</translation>
    </message>
    <message>
        <source>Enter phase</source>
        <translation>进入推进阶段</translation>
    </message>
    <message>
        <source>Delete unit</source>
        <translation>删除单位</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Reveal personal data</source>
        <translation>查看完整个人信息</translation>
    </message>
    <message>
        <source>Register partner</source>
        <translation>登记合伙人</translation>
    </message>
    <message>
        <source>Change partner</source>
        <translation>修改合伙人</translation>
    </message>
    <message>
        <source>Merge partners</source>
        <translation>合并合伙人</translation>
    </message>
    <message>
        <source>Accept failing check character</source>
        <translation>校验位不符放行</translation>
    </message>
    <message>
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>At start-up</source>
        <translation>启动时</translation>
    </message>
    <message>
        <source>At exit</source>
        <translation>退出时</translation>
    </message>
    <message>
        <source>Before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>office</source>
        <translation>办公室</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Database file integrity</source>
        <translation>数据库文件完整性</translation>
    </message>
    <message>
        <source>References between records</source>
        <translation>记录之间的引用</translation>
    </message>
    <message>
        <source>Audit trail chain</source>
        <translation>审计日志链</translation>
    </message>
    <message>
        <source>Partner numbers are unique</source>
        <translation>合伙人证件号码不重复</translation>
    </message>
    <message>
        <source>Partner number index in step</source>
        <translation>合伙人号码索引一致</translation>
    </message>
    <message>
        <source>Filed partners have filing numbers</source>
        <translation>已备案合伙人均有备案编号</translation>
    </message>
    <message>
        <source>kept by the database server</source>
        <translation>由数据库服务器负责</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚无备份</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <comment>The code of the language of this translation</comment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>PartnerDesk</source>
        <translation>社区合伙人工作台</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>You can open it read-only to look things up, or quit and ask them to close PartnerDesk.</source>
        <translation>您可以以只读方式打开以便查阅，或者退出并请对方关闭社区合伙人工作台。</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>以只读方式打开(&amp;R)</translation>
    </message>
    <message>
        <source>Please install the newer PartnerDesk.</source>
        <translation>请安装新版本的社区合伙人工作台。</translation>
    </message>
    <message>
        <source>Nothing was written to the file.</source>
        <translation>程序没有向该文件写入任何内容。</translation>
    </message>
    <message>
        <source>A copy was put aside for inspection: {copy}</source>
        <translation>已另存一份副本供检查：{copy}</translation>
    </message>
    <message>
        <source>There is no verified backup to restore. Please ask your administrator for help.</source>
        <translation>没有可用于恢复的已校验备份，请联系系统管理员。</translation>
    </message>
    <message>
        <source>The newest verified backup was taken at {time}. Restore it? The damaged file is replaced by the backup.</source>
        <translation>最近一次已校验的备份时间为 {time}。是否恢复该备份？损坏的文件将被备份替换。</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>恢复备份(&amp;R)</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>This database has no accounts yet and is open read-only.</source>
        <translation>该数据库尚无任何账户，且以只读方式打开。</translation>
    </message>
    <message>
        <source>Loading demonstration data…</source>
        <translation>正在加载演示数据…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — PartnerDesk</source>
        <translation>登录 — 社区合伙人工作台</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This page has no search box.</source>
        <translation>本页没有搜索框。</translation>
    </message>
    <message>
        <source>Signed in: {user} ({role})</source>
        <translation>当前用户：{user}（{role}）</translation>
    </message>
    <message>
        <source> · read-only</source>
        <translation> · 只读</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <source>Last backup: {state}</source>
        <translation>最近备份：{state}</translation>
    </message>
    <message>
        <source>PartnerDesk — {db}</source>
        <translation>社区合伙人工作台 — {db}</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Start-up backup taken.</source>
        <translation>已完成启动备份。</translation>
    </message>
    <message>
        <source>Office template versions saved on this computer moved into the database: %1.</source>
        <translation>本机保存的机关版文书模板已移入数据库：%1 个。</translation>
    </message>
    <message>
        <source>Taking the exit backup…</source>
        <translation>正在进行退出备份…</translation>
    </message>
    <message>
        <source>Taking a backup…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup taken: {file}</source>
        <translation>备份完成：{file}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation>最近打开的数据库(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About PartnerDesk</source>
        <translation>关于社区合伙人工作台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>PartnerDesk databases (*.sqlite3);;All files (*)</source>
        <translation>社区合伙人工作台数据库 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>That database is already open.</source>
        <translation>该数据库已经打开。</translation>
    </message>
    <message>
        <source>Restart PartnerDesk</source>
        <translation>重新启动 PartnerDesk</translation>
    </message>
    <message>
        <source>The new language shows once PartnerDesk restarts. Restart now? You will sign in again; nothing you saved is lost.</source>
        <translation>新的界面语言在重新启动后生效。现在重新启动吗？需要重新登录，已保存的内容不会丢失。</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PartnerDesk {version}&lt;/h3&gt;&lt;p&gt;社区合伙人工作台 — the community partner programme&apos;s workbench for street offices. It works offline; your data stays in your database.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;br&gt;Python {python}, Qt for Python {pyside}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;社区合伙人工作台 {version}&lt;/h3&gt;&lt;p&gt;PartnerDesk — 面向街道办事处的社区合伙人工作平台。完全离线运行，数据只保存在您的数据库中。&lt;/p&gt;&lt;p&gt;数据库：{db}&lt;br&gt;Python {python}，Qt for Python {pyside}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About PartnerDesk</source>
        <translation>关于社区合伙人工作台</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>PartnerDesk</source>
        <translation>社区合伙人工作台</translation>
    </message>
    <message>
        <source>Something went wrong and the action was not completed. Nothing was saved half-way. The details below are also in the log file.</source>
        <translation>出现意外错误，操作未完成，也没有保存任何不完整的数据。详细信息如下，日志文件中也有记录。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>OrgTab</name>
    <message>
        <source>Filter by name or code (Ctrl+F)</source>
        <translation>按名称或编码筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>Add &amp;street…</source>
        <translation>添加街道(&amp;S)…</translation>
    </message>
    <message>
        <source>Add c&amp;ommunity…</source>
        <translation>添加社区(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Pilot</source>
        <translation>试点(&amp;P)</translation>
    </message>
    <message>
        <source>Set p&amp;hase…</source>
        <translation>设置推进阶段(&amp;H)…</translation>
    </message>
    <message>
        <source>Phase &amp;history…</source>
        <translation>阶段历程(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Mark the selected community as a pilot community</source>
        <translation>将所选社区标记为试点社区</translation>
    </message>
    <message>
        <source>Add street</source>
        <translation>添加街道</translation>
    </message>
    <message>
        <source>Add community</source>
        <translation>添加社区</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete “{name}”? This cannot be undone.</source>
        <translation>确定删除“{name}”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete unit</source>
        <translation>删除单位</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Pilot</source>
        <translation>试点</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>推进阶段</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Spaces &amp; agreements</source>
        <translation>空间与协议</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务与点单</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>资金</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再输一次(&amp;A)：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PhaseDialog</name>
    <message>
        <source>Rollout phase of {community}</source>
        <translation>{community}的推进阶段</translation>
    </message>
    <message>
        <source>&amp;Phase:</source>
        <translation>推进阶段(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Entered on:</source>
        <translation>进入日期(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>PhaseHistoryDialog</name>
    <message>
        <source>Phase</source>
        <translation>推进阶段</translation>
    </message>
    <message>
        <source>Entered on</source>
        <translation>进入日期</translation>
    </message>
    <message>
        <source>Phase history of {community}</source>
        <translation>{community}的阶段历程</translation>
    </message>
</context>
<context>
    <name>RestoreFlow</name>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>PartnerDesk backups (*.sqlite3);;All files (*)</source>
        <translation>社区合伙人工作台备份 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace the current database with the backup “{name}”?

The current state is first saved as a backup (“Before restore”). Everything entered after the chosen backup was taken will no longer be in the database.</source>
        <translation>确定用备份“{name}”替换当前数据库吗？

当前数据会先另存为一份备份（“恢复前”）。所选备份之后录入的内容将不再出现在数据库中。</translation>
    </message>
    <message>
        <source>To confirm, enter the password of {user}:</source>
        <translation>请输入 {user} 的密码以确认：</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Restored from {name}.</source>
        <translation>已从 {name} 恢复。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>A new language shows once PartnerDesk restarts (you are offered a restart).</source>
        <translation>新的界面语言在重新启动后生效（保存后会询问是否立即重启）。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Backup folder:</source>
        <translation>备份文件夹(&amp;B)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <source>Keep &amp;daily backups for:</source>
        <translation>每日备份保留(&amp;D)：</translation>
    </message>
    <message>
        <source>Keep &amp;weekly backups for:</source>
        <translation>每周备份保留(&amp;W)：</translation>
    </message>
    <message>
        <source>This database is on a server; the server&apos;s administrator takes its backups.</source>
        <translation>该数据库位于服务器上，由服务器管理员负责备份。</translation>
    </message>
    <message>
        <source>&amp;Print profile:</source>
        <translation>打印版式(&amp;P)：</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Please choose a backup folder.</source>
        <translation>请选择备份文件夹。</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>optional, used for sorting</source>
        <translation>可不填，用于排序</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Communities:</source>
        <translation>负责社区(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再输一次(&amp;A)：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Filter by name, role or community (Ctrl+F)</source>
        <translation>按姓名、角色或社区筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>启用(&amp;T)</translation>
    </message>
    <message>
        <source>Set a new password for {user}. Tell it to them in person; they can change it after signing in. This also unlocks the account.</source>
        <translation>为 {user} 设置新密码，请当面告知本人，其登录后可自行修改。此操作同时解除账户锁定。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
</context>
</TS>
