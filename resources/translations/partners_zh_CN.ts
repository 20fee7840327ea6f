<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>Registration certificate</source>
        <translation>登记证书</translation>
    </message>
    <message>
        <source>ID card copy</source>
        <translation>身份证复印件</translation>
    </message>
    <message>
        <source>Charter</source>
        <translation>章程</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Add an attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Scans and documents (*.pdf *.jpg *.jpeg *.png *.doc *.docx);;All files (*)</source>
        <translation>扫描件和文档 (*.pdf *.jpg *.jpeg *.png *.doc *.docx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>BasicsTab</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>From the number</source>
        <translation>由号码得出</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Legal representative / person in charge</source>
        <translation>法定代表人/负责人</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Communities served</source>
        <translation>服务社区</translation>
    </message>
    <message>
        <source>Service domains</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Social organisation grade</source>
        <translation>社会组织等级</translation>
    </message>
    <message>
        <source>Filing number</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <source>Answers notice</source>
        <translation>应征招募令</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出情况</translation>
    </message>
    <message>
        <source>Check character accepted because</source>
        <translation>校验位放行理由</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Registered / last changed</source>
        <translation>登记时间/最后修改</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>查看完整号码</translation>
    </message>
    <message>
        <source>Show the full number (the reveal is recorded in the audit trail)</source>
        <translation>显示完整号码（查看记录将写入审计日志）</translation>
    </message>
    <message>
        <source> (valid until %1)</source>
        <translation>（有效期至 %1）</translation>
    </message>
</context>
<context>
    <name>DictionariesTab</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Number carried</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Yuzhong family</source>
        <translation>渝中分类</translation>
    </message>
    <message>
        <source>1+3+N category</source>
        <translation>1+3+N 分类</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Dictionary</source>
        <translation>字典</translation>
    </message>
    <message>
        <source>Codes stay fixed once created; switch an entry off instead of deleting it.</source>
        <translation>代码创建后不能修改；不再使用的字典项请停用，不要删除。</translation>
    </message>
    <message>
        <source>Change entry</source>
        <translation>修改字典项</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>新增字典项</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Import partners from Excel</source>
        <translation>从 Excel 导入合伙人</translation>
    </message>
    <message>
        <source>Fill in the template (one partner per row), then choose the file. Nothing is imported until every row is valid; the rows below need correcting first.</source>
        <translation>请在模板中填写（每行一个合伙人），然后选择该文件。只有全部行都有效时才会导入；下表列出的行需要先更正。</translation>
    </message>
    <message>
        <source>Partner import template.xlsx</source>
        <translation>合伙人导入模板.xlsx</translation>
    </message>
    <message>
        <source>Partners imported: %1.</source>
        <translation>已导入 %1 个合伙人。</translation>
    </message>
</context>
<context>
    <name>MatchingView</name>
    <message>
        <source>Unmet need</source>
        <translation>未满足的需求</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Idle resources</source>
        <translation>闲置资源</translation>
    </message>
    <message>
        <source>Partners who fit</source>
        <translation>匹配的合伙人</translation>
    </message>
    <message>
        <source>Start a project from this need…</source>
        <translation>据此需求建立项目…</translation>
    </message>
    <message>
        <source>Unmet needs: %1</source>
        <translation>未满足的需求：%1 项</translation>
    </message>
</context>
<context>
    <name>NoticesTab</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>New notice…</source>
        <translation>新建招募令…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <source>Fields wanted</source>
        <translation>招募领域</translation>
    </message>
    <message>
        <source>Open period</source>
        <translation>招募期</translation>
    </message>
    <message>
        <source>Fields of service wanted</source>
        <translation>招募服务领域</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>招募条件</translation>
    </message>
    <message>
        <source>Benefits offered</source>
        <translation>提供的支持</translation>
    </message>
    <message>
        <source>Open from</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Open until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Change notice</source>
        <translation>修改招募令</translation>
    </message>
    <message>
        <source>New recruitment notice</source>
        <translation>新建招募令</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <source>Opinion (required)</source>
        <translation>意见（必填）</translation>
    </message>
    <message>
        <source>Opinion (optional)</source>
        <translation>意见（可不填）</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason for exit</source>
        <translation>退出原因</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>选择附件</translation>
    </message>
    <message>
        <source>Scans and documents (*.pdf *.jpg *.jpeg *.png *.doc *.docx);;All files (*)</source>
        <translation>扫描件和文档 (*.pdf *.jpg *.jpeg *.png *.doc *.docx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Please write an opinion.</source>
        <translation>请填写意见。</translation>
    </message>
    <message>
        <source>Choose the reason for the exit.</source>
        <translation>请选择退出原因。</translation>
    </message>
</context>
<context>
    <name>PartnerEditDialog</name>
    <message>
        <source>Change partner</source>
        <translation>修改合伙人</translation>
    </message>
    <message>
        <source>Register partner</source>
        <translation>登记合伙人</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位字符</translation>
    </message>
    <message>
        <source>Why the failing check character is accepted</source>
        <translation>校验位不符仍予登记的理由</translation>
    </message>
    <message>
        <source>18 digits, last may be X</source>
        <translation>18 位，末位可以是 X</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 位数字</translation>
    </message>
    <message>
        <source>e.g. haircuts, tutoring, repairs</source>
        <translation>例如：理发、辅导、维修</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Find a community</source>
        <translation>查找社区</translation>
    </message>
    <message>
        <source>Submit the application now</source>
        <translation>登记后立即提交申请</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Reason to accept</source>
        <translation>放行理由</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Legal representative / person in charge</source>
        <translation>法定代表人/负责人</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <source>Social organisation grade</source>
        <translation>社会组织等级</translation>
    </message>
    <message>
        <source>Answers notice</source>
        <translation>应征招募令</translation>
    </message>
    <message>
        <source>Communities served</source>
        <translation>服务社区</translation>
    </message>
    <message>
        <source>Service domains</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Similar records: %1</source>
        <translation>相似记录：%1</translation>
    </message>
</context>
<context>
    <name>PartnerExport</name>
    <message>
        <source>Partners</source>
        <translation>合伙人名单</translation>
    </message>
</context>
<context>
    <name>PartnerIdentity</name>
    <message>
        <source>Registered with: %1</source>
        <translation>登记管理机关：%1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>组织类别：%1</translation>
    </message>
    <message>
        <source>Region code: %1</source>
        <translation>行政区划代码：%1</translation>
    </message>
    <message>
        <source>unknown region code %1 (please check)</source>
        <translation>行政区划代码 %1 未知（请核对）</translation>
    </message>
    <message>
        <source>Born %1 · %2</source>
        <translation>出生日期 %1 · %2</translation>
    </message>
</context>
<context>
    <name>PartnerLabels</name>
    <message>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>Approved by community</source>
        <translation>社区审核通过</translation>
    </message>
    <message>
        <source>Approved by street</source>
        <translation>街道审核通过</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>已备案</translation>
    </message>
    <message>
        <source>Commitment signed</source>
        <translation>已签承诺</translation>
    </message>
    <message>
        <source>Active on site</source>
        <translation>入驻服务</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Submit application</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>Community approval</source>
        <translation>社区审核通过</translation>
    </message>
    <message>
        <source>Street approval</source>
        <translation>街道审核通过</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Resubmit</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <source>File</source>
        <translation>备案</translation>
    </message>
    <message>
        <source>Sign commitment letter</source>
        <translation>签署承诺书</translation>
    </message>
    <message>
        <source>Move in</source>
        <translation>入驻</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>续约</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Term expired</source>
        <translation>期满</translation>
    </message>
    <message>
        <source>Voluntary withdrawal</source>
        <translation>主动退出</translation>
    </message>
    <message>
        <source>Failed evaluation after rectification</source>
        <translation>评估不合格且整改未通过</translation>
    </message>
    <message>
        <source>Breach of commitment or safety incident</source>
        <translation>违反承诺或发生安全事故</translation>
    </message>
    <message>
        <source>Licence lost</source>
        <translation>资质丧失</translation>
    </message>
    <message>
        <source>Space reclaimed</source>
        <translation>空间收回</translation>
    </message>
    <message>
        <source>Merged into another record</source>
        <translation>已合并到其他记录</translation>
    </message>
    <message>
        <source>Organisation (credit code)</source>
        <translation>组织（统一社会信用代码）</translation>
    </message>
    <message>
        <source>Individual (resident ID)</source>
        <translation>个人（身份证号码）</translation>
    </message>
    <message>
        <source>Group (credit code if any)</source>
        <translation>团体（有信用代码的填写）</translation>
    </message>
    <message>
        <source>Staffing office</source>
        <translation>机构编制</translation>
    </message>
    <message>
        <source>Foreign affairs</source>
        <translation>外交</translation>
    </message>
    <message>
        <source>Judicial administration</source>
        <translation>司法行政</translation>
    </message>
    <message>
        <source>Culture</source>
        <translation>文化</translation>
    </message>
    <message>
        <source>Civil affairs</source>
        <translation>民政</translation>
    </message>
    <message>
        <source>Religious affairs</source>
        <translation>宗教</translation>
    </message>
    <message>
        <source>Trade union</source>
        <translation>工会</translation>
    </message>
    <message>
        <source>Industry and commerce</source>
        <translation>工商</translation>
    </message>
    <message>
        <source>Market regulation</source>
        <translation>市场监管</translation>
    </message>
    <message>
        <source>Overseas Chinese affairs</source>
        <translation>侨务</translation>
    </message>
    <message>
        <source>Agriculture</source>
        <translation>农业</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Social group</source>
        <translation>社会团体</translation>
    </message>
    <message>
        <source>Private non-enterprise unit</source>
        <translation>民办非企业单位</translation>
    </message>
    <message>
        <source>Foundation</source>
        <translation>基金会</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>待值班</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>到岗</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺岗</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>替班</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>征集中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Unmet</source>
        <translation>未满足</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>已对接</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已满足</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>闲置</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>实施中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Idle room</source>
        <translation>闲置用房</translation>
    </message>
    <message>
        <source>Partner capability</source>
        <translation>合伙人能力</translation>
    </message>
    <message>
        <source>Idle space (space register)</source>
        <translation>闲置空间（空间登记簿）</translation>
    </message>
    <message>
        <source>Partner types</source>
        <translation>合伙人类型</translation>
    </message>
    <message>
        <source>Service domains</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>Need sources</source>
        <translation>需求来源</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>PartnerListModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>服务社区</translation>
    </message>
    <message>
        <source>Credit code / ID number</source>
        <translation>信用代码/身份证号</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Filing number</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
</context>
<context>
    <name>PartnerListTab</name>
    <message>
        <source>Search: name, pinyin initials (e.g. myh) or last digits of a number</source>
        <translation>搜索：名称、拼音首字母（如 myh）或号码尾号</translation>
    </message>
    <message>
        <source>Register partner…</source>
        <translation>登记合伙人…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>Partners: %1</source>
        <translation>共 %1 个合伙人</translation>
    </message>
    <message>
        <source>Partners written: %1. File: %2</source>
        <translation>已写入 %1 个合伙人，文件：%2</translation>
    </message>
    <message>
        <source>Export partners</source>
        <translation>导出合伙人名单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the partner list…</source>
        <translation>正在写入合伙人名单…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>PartnerWindow</name>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>空间使用协议</translation>
    </message>
    <message>
        <source>Partner %1</source>
        <translation>合伙人 %1</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <source>Partners</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Recruitment notices</source>
        <translation>招募令</translation>
    </message>
    <message>
        <source>Three lists</source>
        <translation>三张清单</translation>
    </message>
    <message>
        <source>Duty rota</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>Dictionaries</source>
        <translation>字典维护</translation>
    </message>
    <message>
        <source>Programme rules</source>
        <translation>规则设置</translation>
    </message>
</context>
<context>
    <name>PatternsPanel</name>
    <message>
        <source>Weekly duties</source>
        <translation>每周排班</translation>
    </message>
    <message>
        <source>Show ended duties</source>
        <translation>显示已结束的排班</translation>
    </message>
    <message>
        <source>Add weekly pattern…</source>
        <translation>添加每周排班…</translation>
    </message>
    <message>
        <source>End duty…</source>
        <translation>结束排班…</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>执行中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Select a weekly duty that is still running.</source>
        <translation>请选择一条仍在执行的每周排班。</translation>
    </message>
    <message>
        <source>Duty ended; later shifts removed: %1</source>
        <translation>排班已结束，删除此后班次 %1 个</translation>
    </message>
</context>
<context>
    <name>RotaForms</name>
    <message>
        <source>Day of the week</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Partner on duty</source>
        <translation>值班合伙人</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Community partner studio</source>
        <translation>合伙人工作室</translation>
    </message>
    <message>
        <source>Add weekly pattern</source>
        <translation>添加每周排班</translation>
    </message>
    <message>
        <source>Weekly duty</source>
        <translation>每周排班</translation>
    </message>
    <message>
        <source>Last day on duty</source>
        <translation>最后值班日</translation>
    </message>
    <message>
        <source>End a weekly duty</source>
        <translation>结束每周排班</translation>
    </message>
    <message>
        <source>Its scheduled shifts after the last day are removed; recorded ones stay.</source>
        <translation>最后值班日之后尚未值班的班次将被删除；已登记考勤的班次保留。</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Roll out the weekly patterns into shifts</source>
        <translation>按每周排班生成班次</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Swapped with</source>
        <translation>与之互换</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Swap two shifts</source>
        <translation>互换班次</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>替班合伙人</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record attendance</source>
        <translation>登记考勤</translation>
    </message>
</context>
<context>
    <name>RotaPatterns</name>
    <message>
        <source>Day</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>RotaTab</name>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <source>Roll out…</source>
        <translation>生成班次…</translation>
    </message>
    <message>
        <source>Swap two shifts…</source>
        <translation>互换班次…</translation>
    </message>
    <message>
        <source>Record attendance…</source>
        <translation>登记考勤…</translation>
    </message>
    <message>
        <source>Replaced by %1</source>
        <translation>替班：%1</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>选择周</translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation>第 %1 周</translation>
    </message>
    <message>
        <source>No shifts this week: add weekly duties below, then roll them out.</source>
        <translation>本周还没有班次：请在下方添加每周排班，再点“生成班次”。</translation>
    </message>
    <message>
        <source>No duty on: %1</source>
        <translation>本周无人值班：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Shifts created: %1</source>
        <translation>已生成 %1 个班次</translation>
    </message>
    <message>
        <source>Select exactly two shifts to swap.</source>
        <translation>请选择恰好两个班次进行互换。</translation>
    </message>
    <message>
        <source>Select one shift.</source>
        <translation>请选择一个班次。</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>Approve an agreement</source>
        <translation>审批空间使用协议</translation>
    </message>
    <message>
        <source>Sign an agreement</source>
        <translation>签订空间使用协议</translation>
    </message>
    <message>
        <source>Put an agreement in force</source>
        <translation>协议开始履行</translation>
    </message>
    <message>
        <source>Terminate an agreement</source>
        <translation>终止空间使用协议</translation>
    </message>
    <message>
        <source>Close an ended agreement as expired</source>
        <translation>期满协议到期终结</translation>
    </message>
    <message>
        <source>Save step roles</source>
        <translation>保存各环节角色</translation>
    </message>
    <message>
        <source>Save pattern</source>
        <translation>保存编号格式</translation>
    </message>
    <message>
        <source>Who may take each lifecycle step</source>
        <translation>各环节可由哪些角色办理</translation>
    </message>
    <message>
        <source>The street review must still be done by someone other than the community reviewer.</source>
        <translation>街道审核仍须由社区审核人以外的另一人办理。</translation>
    </message>
    <message>
        <source>Who may take each step of a space-use agreement</source>
        <translation>空间使用协议各环节的办理角色</translation>
    </message>
    <message>
        <source>Saved with “Save step roles” above.</source>
        <translation>与上方各环节一起，点击“保存各环节角色”保存。</translation>
    </message>
    <message>
        <source>Filing number</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>{street} is the street office, {year} the year of filing, {seq} the number within that street and year ({seq:03d} pads it to three digits).</source>
        <translation>{street} 为街道名称，{year} 为备案年度，{seq} 为该街道当年的顺序号（{seq:03d} 补足三位）。</translation>
    </message>
    <message>
        <source>(the pattern is not valid)</source>
        <translation>（格式无效）</translation>
    </message>
</context>
<context>
    <name>ThreeLists</name>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>New need</source>
        <translation>新增需求</translation>
    </message>
    <message>
        <source>Change need</source>
        <translation>修改需求</translation>
    </message>
    <message>
        <source>New resource</source>
        <translation>新增资源</translation>
    </message>
    <message>
        <source>Change resource</source>
        <translation>修改资源</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>Change project</source>
        <translation>修改项目</translation>
    </message>
</context>
<context>
    <name>ThreeListsTab</name>
    <message>
        <source>Needs</source>
        <translation>需求清单</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源清单</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目清单</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>供需对接</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>Idle space</source>
        <translation>闲置空间</translation>
    </message>
    <message>
        <source>This idle space comes from the space register; change it on the Spaces &amp; agreements page.</source>
        <translation>该闲置空间来自空间登记簿，请在“空间与协议”页修改。</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>办理日期</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Next steps:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <source>none for your role in this state</source>
        <translation>当前状态下您的角色没有可办理的环节</translation>
    </message>
</context>
</TS>
