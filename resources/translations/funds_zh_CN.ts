<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>New project application</source>
        <translation>新建项目申报</translation>
    </message>
    <message>
        <source>Change application: %1</source>
        <translation>修改申报：%1</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Applicant is</source>
        <translation>申报主体类型</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报主体</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Project title</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Need it answers</source>
        <translation>对应需求</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>项目类别</translation>
    </message>
    <message>
        <source>Amount requested (yuan)</source>
        <translation>申请金额（元）</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算明细</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>项目说明</translation>
    </message>
    <message>
        <source>(the fund has no allowed uses yet)</source>
        <translation>（该基金尚未设定使用范围）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Budget total %1 of %2 yuan requested</source>
        <translation>预算合计 %1 元，申请金额 %2 元</translation>
    </message>
    <message>
        <source>Choose the fund.</source>
        <translation>请选择基金。</translation>
    </message>
    <message>
        <source>Please enter the project title.</source>
        <translation>请填写项目名称。</translation>
    </message>
    <message>
        <source>The budget lines must add up to the amount requested.</source>
        <translation>预算明细合计须等于申请金额。</translation>
    </message>
</context>
<context>
    <name>ApplicationWindow</name>
    <message>
        <source>Project plan</source>
        <translation>项目方案</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
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
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <source>Txn no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已冲销</translation>
    </message>
    <message>
        <source>Add a file to the application</source>
        <translation>为项目申报添加附件</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报主体</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>项目类别</translation>
    </message>
    <message>
        <source>Amount requested</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已拨付</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>项目说明</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算明细</translation>
    </message>
    <message>
        <source>Approval steps (every round and version)</source>
        <translation>审批步骤（全部轮次和版本）</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>拨付记录</translation>
    </message>
    <message>
        <source>Attachments (plan, quotes, invoices…)</source>
        <translation>附件（方案、报价、发票等）</translation>
    </message>
    <message>
        <source>Print voucher…</source>
        <translation>打印拨付凭证…</translation>
    </message>
    <message>
        <source>Project application: %1</source>
        <translation>项目申报：%1</translation>
    </message>
    <message>
        <source>waiting for %1 (%2)</source>
        <translation>待 %1（%2）</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>version %1, round %2</source>
        <translation>第 %1 版，第 %2 轮</translation>
    </message>
    <message>
        <source> · locked</source>
        <translation> · 已锁定</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Pay…</source>
        <translation>拨付…</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新建版本</translation>
    </message>
    <message>
        <source>Reverse payment…</source>
        <translation>冲销拨付…</translation>
    </message>
</context>
<context>
    <name>ApplicationsTab</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报主体</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>项目类别</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>待审批环节</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Search: project or applicant</source>
        <translation>搜索：项目名称或申报主体</translation>
    </message>
    <message>
        <source>New application…</source>
        <translation>新建申报…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Use rules…</source>
        <translation>使用范围…</translation>
    </message>
    <message>
        <source>Approval tiers…</source>
        <translation>审批层级…</translation>
    </message>
    <message>
        <source>Applications: %1</source>
        <translation>申报：%1 项</translation>
    </message>
    <message>
        <source>All funds</source>
        <translation>全部基金</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
</context>
<context>
    <name>AssertBalanceDialog</name>
    <message>
        <source>Balance assertion · %1</source>
        <translation>余额核对 · %1</translation>
    </message>
    <message>
        <source>Enter a balance from outside the books, such as the bank statement&apos;s; any difference is listed for reconciliation.</source>
        <translation>录入账外余额（如银行对账单余额），差异将列入对账清单。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>At the end of</source>
        <translation>截至日终</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Please enter the balance.</source>
        <translation>请填写余额。</translation>
    </message>
</context>
<context>
    <name>BudgetEditor</name>
    <message>
        <source>Add a budget line</source>
        <translation>添加预算项</translation>
    </message>
</context>
<context>
    <name>BudgetLine</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ClosePeriodDialog</name>
    <message>
        <source>Closed through %1 (%2).</source>
        <translation>已结账至 %1（%2）。</translation>
    </message>
    <message>
        <source>No period of this fund is closed yet.</source>
        <translation>该基金尚未结账。</translation>
    </message>
    <message>
        <source>Close a period · %1</source>
        <translation>期末结账 · %1</translation>
    </message>
    <message>
        <source>After closing, nothing can be posted on or before the period&apos;s last day.</source>
        <translation>结账后，不能再在该期间最后一天及之前记账。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CommitteeEditor</name>
    <message>
        <source>Management committee and supervisors</source>
        <translation>管理委员会和监督人</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Opinion (required)</source>
        <translation>意见（必填）</translation>
    </message>
    <message>
        <source>Opinion (optional)</source>
        <translation>意见（选填）</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Bank %1 yuan · approved, not yet paid %2 yuan · available %3 yuan</source>
        <translation>存款 %1 元 · 已批未付 %2 元 · 可用 %3 元</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Please write your opinion.</source>
        <translation>请填写意见。</translation>
    </message>
</context>
<context>
    <name>DisburseDialog</name>
    <message>
        <source>Pay · %1</source>
        <translation>拨付 · %1</translation>
    </message>
    <message>
        <source>Approved %1 yuan, paid %2 yuan, %3 yuan left.</source>
        <translation>批准 %1 元，已拨付 %2 元，尚可拨付 %3 元。</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>拨付日期</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>拨付</translation>
    </message>
    <message>
        <source>Please enter the payee.</source>
        <translation>请填写收款方。</translation>
    </message>
</context>
<context>
    <name>DonationDialog</name>
    <message>
        <source>Record a donation · %1</source>
        <translation>登记捐赠 · %1</translation>
    </message>
    <message>
        <source>Publish as anonymous</source>
        <translation>公示时匿名</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <source>Donor type</source>
        <translation>捐赠人类型</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Intended use</source>
        <translation>指定用途</translation>
    </message>
    <message>
        <source>Please enter the donor.</source>
        <translation>请填写捐赠人。</translation>
    </message>
    <message>
        <source>Please enter the amount.</source>
        <translation>请填写金额。</translation>
    </message>
</context>
<context>
    <name>DonationsTab</name>
    <message>
        <source>Receipt no.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>捐赠人</translation>
    </message>
    <message>
        <source>Donor type</source>
        <translation>捐赠人类型</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Intended use</source>
        <translation>指定用途</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已冲销</translation>
    </message>
    <message>
        <source>Record donation…</source>
        <translation>登记捐赠…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>打印捐赠收据…</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>For publication (anonymous donors shown as 匿名)</source>
        <translation>公示清单（匿名捐赠人显示为“匿名”）</translation>
    </message>
    <message>
        <source>Receipt number: %1</source>
        <translation>收据号：%1</translation>
    </message>
</context>
<context>
    <name>EntryLine</name>
    <message>
        <source>Account…</source>
        <translation>科目…</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>借方</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>贷方</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>FeedbackTab</name>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Feedback rate</source>
        <translation>反哺比例</translation>
    </message>
    <message>
        <source>To the pool</source>
        <translation>入基金池</translation>
    </message>
    <message>
        <source>Due (yuan)</source>
        <translation>应缴（元）</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已到账</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>欠缴</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应缴</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>缴纳期限</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>到账日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>To the SE ledger</source>
        <translation>入社企账套</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已冲销</translation>
    </message>
    <message>
        <source>Oldest period</source>
        <translation>最早欠缴期间</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Filter: agreement number or partner</source>
        <translation>筛选：协议编号或合伙人</translation>
    </message>
    <message>
        <source>Record revenue…</source>
        <translation>登记营业收入…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Receive payment…</source>
        <translation>登记到账…</translation>
    </message>
    <message>
        <source>Reverse receipt…</source>
        <translation>冲销到账…</translation>
    </message>
    <message>
        <source>Reported revenue</source>
        <translation>申报营业收入</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>到账记录</translation>
    </message>
    <message>
        <source>Overdue feedback</source>
        <translation>逾期未缴反哺</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
</context>
<context>
    <name>FundLabels</name>
    <message>
        <source>Community fund pool</source>
        <translation>社区基金池</translation>
    </message>
    <message>
        <source>Social-enterprise ledger</source>
        <translation>社会企业代管账套</translation>
    </message>
    <message>
        <source>Community micro-fund</source>
        <translation>社区微基金</translation>
    </message>
    <message>
        <source>Other fund</source>
        <translation>其他基金</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>负债</translation>
    </message>
    <message>
        <source>Net assets</source>
        <translation>净资产</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Manual entry</source>
        <translation>手工记账</translation>
    </message>
    <message>
        <source>Revenue feedback</source>
        <translation>收益反哺</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Project payment</source>
        <translation>项目拨付</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>In approval</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Returned for changes</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不予批准</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被新版本取代</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>无需审批</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Return for changes</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Resident group</source>
        <translation>居民自组织</translation>
    </message>
    <message>
        <source>Community worker</source>
        <translation>社区工作者</translation>
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
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Committee member</source>
        <translation>委员</translation>
    </message>
    <message>
        <source>Committee chair</source>
        <translation>主任委员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>监督人</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
</context>
<context>
    <name>FundWidgets</name>
    <message>
        <source>Q</source>
        <translation>第</translation>
    </message>
</context>
<context>
    <name>FundsPage</name>
    <message>
        <source>Funds</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>账簿</translation>
    </message>
    <message>
        <source>Revenue feedback</source>
        <translation>收益反哺</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <source>Project applications</source>
        <translation>项目申报</translation>
    </message>
    <message>
        <source>Awaiting my approval</source>
        <translation>待我审批</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>FundsTab</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Host and committee</source>
        <translation>主办方和管理委员会</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Filter: code, name or community</source>
        <translation>筛选：编码、名称或社区</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>New fund…</source>
        <translation>新建基金…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>The bank balance now, what approved projects have yet to be paid, and what new approvals can still promise.</source>
        <translation>当前存款余额、已批准项目尚未拨付的金额，以及新的批准还能承诺的金额。</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Balances at the end of</source>
        <translation>余额截至</translation>
    </message>
    <message>
        <source>Approved, not yet paid: %1 yuan · available for new approvals: %2 yuan</source>
        <translation>已批未付：%1 元 · 新批可用：%2 元</translation>
    </message>
</context>
<context>
    <name>InboxTab</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>%1 application(s) wait for your step.</source>
        <translation>有 %1 项申报等待您审批。</translation>
    </message>
    <message>
        <source>Nothing waits for you.</source>
        <translation>暂无待您审批的申报。</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Txn no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>借方</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>贷方</translation>
    </message>
    <message>
        <source>Running balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Outside balance</source>
        <translation>账外余额</translation>
    </message>
    <message>
        <source>Books</source>
        <translation>账面余额</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Post entry…</source>
        <translation>记账…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <source>Close period…</source>
        <translation>结账…</translation>
    </message>
    <message>
        <source>Reopen period…</source>
        <translation>反结账…</translation>
    </message>
    <message>
        <source>反结账: reopen the latest closed month or quarter, with a reason</source>
        <translation>反结账：重新打开最近结账的月份或季度，须填写原因</translation>
    </message>
    <message>
        <source>Balance assertion…</source>
        <translation>余额核对…</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Balance assertions and reconciliation</source>
        <translation>余额核对与对账</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部科目</translation>
    </message>
    <message>
        <source>Closed through %1</source>
        <translation>已结账至 %1</translation>
    </message>
    <message>
        <source>Postings: %1</source>
        <translation>分录：%1 条</translation>
    </message>
    <message>
        <source>Reopen period</source>
        <translation>反结账</translation>
    </message>
    <message>
        <source>No period of %1 is closed.</source>
        <translation>%1 还没有已结账的期间。</translation>
    </message>
</context>
<context>
    <name>MemberRow</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>不领报酬</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>NewFundDialog</name>
    <message>
        <source>New fund</source>
        <translation>新建基金</translation>
    </message>
    <message>
        <source>e.g. POOL-XF</source>
        <translation>例如 POOL-XF</translation>
    </message>
    <message>
        <source>e.g. the district charity federation</source>
        <translation>例如 区慈善总会</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Social enterprise</source>
        <translation>社会企业</translation>
    </message>
    <message>
        <source>Host (charity federation)</source>
        <translation>主办方（慈善总会）</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>宗旨</translation>
    </message>
    <message>
        <source>Choose the social enterprise…</source>
        <translation>请选择社会企业…</translation>
    </message>
    <message>
        <source>Please enter the fund&apos;s code and name.</source>
        <translation>请填写基金编码和名称。</translation>
    </message>
    <message>
        <source>Choose the social enterprise whose books these are.</source>
        <translation>请选择该代管账套所属的社会企业。</translation>
    </message>
</context>
<context>
    <name>PostEntryDialog</name>
    <message>
        <source>Post an entry · %1</source>
        <translation>记账 · %1</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>添加分录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>分录</translation>
    </message>
    <message>
        <source>Debits %1 · credits %2</source>
        <translation>借方 %1 · 贷方 %2</translation>
    </message>
    <message>
        <source>difference %1</source>
        <translation>差额 %1</translation>
    </message>
    <message>
        <source>Please write what the entry is for.</source>
        <translation>请填写摘要。</translation>
    </message>
    <message>
        <source>Debits and credits differ by %1 yuan.</source>
        <translation>借贷不平衡，相差 %1 元。</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Feedback received · %1</source>
        <translation>反哺到账 · %1</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>到账日期</translation>
    </message>
    <message>
        <source>Community fund pool</source>
        <translation>社区基金池</translation>
    </message>
    <message>
        <source>Social-enterprise ledger</source>
        <translation>社会企业代管账套</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Confirm receipt</source>
        <translation>确认到账</translation>
    </message>
    <message>
        <source>%1 yuan to the community fund pool (%2), %3 yuan to the social-enterprise ledger</source>
        <translation>%1 元入社区基金池（%2），%3 元入社会企业代管账套</translation>
    </message>
    <message>
        <source>Please enter the amount received.</source>
        <translation>请填写到账金额。</translation>
    </message>
    <message>
        <source>This community has no fund pool yet: set one up on the Funds tab.</source>
        <translation>该社区还没有基金池，请先在“基金”页设立。</translation>
    </message>
    <message>
        <source>This community has no social-enterprise ledger yet: set one up on the Funds tab.</source>
        <translation>该社区还没有社会企业代管账套，请先在“基金”页设立。</translation>
    </message>
</context>
<context>
    <name>ReopenPeriodDialog</name>
    <message>
        <source>Reopen a period · %1</source>
        <translation>反结账 · %1</translation>
    </message>
    <message>
        <source>%1 (through %2, closed by %3) opens again: entries on or before %2 can be posted until it is closed again. The periods before it stay closed. A period whose disclosure notice (公示) has been issued cannot be reopened.</source>
        <translation>%1（结账至 %2，结账人 %3）将重新打开：再次结账前，可以记入 %2 及以前日期的凭证。之前的期间仍保持结账。已出具收支公示的期间不能反结账。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>反结账</translation>
    </message>
    <message>
        <source>Please write why the period is reopened.</source>
        <translation>请填写反结账的原因。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Reported revenue · %1</source>
        <translation>申报营业收入 · %1</translation>
    </message>
    <message>
        <source>%1 pays %2 of its revenue as feedback.</source>
        <translation>%1 按营业收入的 %2 缴纳反哺。</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Revenue (yuan)</source>
        <translation>营业收入（元）</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应缴</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>Please enter the revenue.</source>
        <translation>请填写营业收入。</translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Please write the reason for the reversal.</source>
        <translation>请填写冲销原因。</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse transaction #%1</source>
        <translation>冲销凭证 #%1</translation>
    </message>
    <message>
        <source>A posted entry is never changed: a reversal posts the same lines on the opposite sides. %1</source>
        <translation>已记账的凭证不能修改：冲销以相反方向记入同样的分录。%1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>ReversePaymentDialog</name>
    <message>
        <source>Reverse a payment</source>
        <translation>冲销拨付</translation>
    </message>
    <message>
        <source>The payment of %1 yuan on %2 to %3 is reversed in the ledger.</source>
        <translation>%2 拨付给 %3 的 %1 元将在账簿中冲销。</translation>
    </message>
</context>
<context>
    <name>ReverseReceiptDialog</name>
    <message>
        <source>Reverse a receipt</source>
        <translation>冲销到账</translation>
    </message>
    <message>
        <source>Both parts of the receipt of %1 yuan on %2 are reversed.</source>
        <translation>%2 到账的 %1 元（两部分）将一并冲销。</translation>
    </message>
</context>
<context>
    <name>StatementTab</name>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报主体</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>项目类别</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation>批准金额（元）</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>批准日期</translation>
    </message>
    <message>
        <source>Paid in period</source>
        <translation>本期拨付</translation>
    </message>
    <message>
        <source>Paid to date</source>
        <translation>累计拨付</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Total income</source>
        <translation>收入合计</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Total spending</source>
        <translation>支出合计</translation>
    </message>
    <message>
        <source>Other movements</source>
        <translation>其他变动</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Approved projects (for the disclosure notice)</source>
        <translation>已批准项目（用于公示）</translation>
    </message>
    <message>
        <source>%1 %2 — statement for %3 (%4 to %5)</source>
        <translation>%1 %2 — %3 收支报表（%4 至 %5）</translation>
    </message>
    <message>
        <source>Export the statement</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Approved projects</source>
        <translation>已批准项目</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>StepRow</name>
    <message>
        <source>e.g. street approval</source>
        <translation>例如 街道审批</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
</context>
<context>
    <name>TierBox</name>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除层级</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>From (yuan)</source>
        <translation>起（元）</translation>
    </message>
    <message>
        <source>To (yuan)</source>
        <translation>止（元）</translation>
    </message>
</context>
<context>
    <name>TiersDialog</name>
    <message>
        <source>Approval tiers</source>
        <translation>审批层级</translation>
    </message>
    <message>
        <source>Each application is approved by the steps of the tier whose band holds its amount: the tier of its fund, else of its kind of fund, else of any fund. Steps are taken in order, each by a user with the step&apos;s role.</source>
        <translation>申报按金额所在区间的审批层级逐级审批：先看该基金的层级，其次该类基金的层级，最后适用于所有基金的层级。各步骤依次进行，每步由相应角色的用户审批。</translation>
    </message>
    <message>
        <source>Any fund</source>
        <translation>所有基金</translation>
    </message>
    <message>
        <source>Add a tier</source>
        <translation>添加层级</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>层级</translation>
    </message>
</context>
<context>
    <name>UseRuleDialog</name>
    <message>
        <source>Use rules of a fund</source>
        <translation>基金使用范围</translation>
    </message>
    <message>
        <source>Applications may ask only for a category on the allowed list; the negative list wins. One category per line.</source>
        <translation>申报只能选择允许清单中的类别；负面清单优先。每行一个类别。</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Allowed uses</source>
        <translation>允许清单</translation>
    </message>
    <message>
        <source>Negative list</source>
        <translation>负面清单</translation>
    </message>
</context>
</TS>
