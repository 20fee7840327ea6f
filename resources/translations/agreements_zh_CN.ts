<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivatedView</name>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Q1 (m²)</source>
        <translation>一季度（m²）</translation>
    </message>
    <message>
        <source>Q2 (m²)</source>
        <translation>二季度（m²）</translation>
    </message>
    <message>
        <source>Q3 (m²)</source>
        <translation>三季度（m²）</translation>
    </message>
    <message>
        <source>Q4 (m²)</source>
        <translation>四季度（m²）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>m² under a signed agreement at the end of each quarter</source>
        <translation>各季度末已签协议使用的面积（m²）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>New space-use agreement</source>
        <translation>新建空间使用协议</translation>
    </message>
    <message>
        <source>Change draft %1</source>
        <translation>修改协议草稿 %1</translation>
    </message>
</context>
<context>
    <name>AgreementForm</name>
    <message>
        <source>Parties and term</source>
        <translation>双方与期限</translation>
    </message>
    <message>
        <source>Mode and money</source>
        <translation>使用方式与费用</translation>
    </message>
    <message>
        <source>Public-benefit services</source>
        <translation>公益服务承诺</translation>
    </message>
    <message>
        <source>Duties and termination</source>
        <translation>责任与终止</translation>
    </message>
    <message>
        <source>Time slots</source>
        <translation>使用时段</translation>
    </message>
    <message>
        <source>e.g. residents over 60, over 80, children</source>
        <translation>例如：60岁以上老人、80岁以上老人、儿童</translation>
    </message>
    <message>
        <source>e.g. 60+ 30% off, 80+ free, 10-yuan meals</source>
        <translation>例如：60岁以上七折、80岁以上免费、10元餐</translation>
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
        <source>Space</source>
        <translation>空间</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Permitted use</source>
        <translation>约定用途</translation>
    </message>
    <message>
        <source>Renewal rule</source>
        <translation>续签约定</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>签约人</translation>
    </message>
    <message>
        <source>Mode of use</source>
        <translation>使用方式</translation>
    </message>
    <message>
        <source>Rent (yuan per month)</source>
        <translation>租金（元/月）</translation>
    </message>
    <message>
        <source>Deposit (yuan)</source>
        <translation>押金（元）</translation>
    </message>
    <message>
        <source>Utilities paid by</source>
        <translation>水电费承担方</translation>
    </message>
    <message>
        <source>Property fees paid by</source>
        <translation>物业费承担方</translation>
    </message>
    <message>
        <source>Revenue feedback (% of revenue)</source>
        <translation>收益反哺比例（占收益 %）</translation>
    </message>
    <message>
        <source>Of which to the community fund pool (%)</source>
        <translation>其中进入社区基金池（%）</translation>
    </message>
    <message>
        <source>Committed sessions per month</source>
        <translation>每月承诺服务场次</translation>
    </message>
    <message>
        <source>Committed hours per month</source>
        <translation>每月承诺服务时长（小时）</translation>
    </message>
    <message>
        <source>Target groups</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>优惠措施</translation>
    </message>
    <message>
        <source>Published price list</source>
        <translation>公示价目表</translation>
    </message>
    <message>
        <source>Maintenance and safety duties</source>
        <translation>维护与安全责任</translation>
    </message>
    <message>
        <source>Prohibited uses</source>
        <translation>禁止用途</translation>
    </message>
    <message>
        <source>Termination and hand-back</source>
        <translation>终止与交还条件</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>Choose a partner…</source>
        <translation>请选择合伙人…</translation>
    </message>
    <message>
        <source>Choose a space…</source>
        <translation>请选择空间…</translation>
    </message>
    <message>
        <source>, shared by slot</source>
        <translation>，分时共享</translation>
    </message>
    <message>
        <source>The pool share must be 0–100%.</source>
        <translation>基金池比例须在 0 到 100% 之间。</translation>
    </message>
    <message>
        <source>Of the revenue feedback: %1% to the community fund pool, %2% to the social-enterprise ledger.</source>
        <translation>收益反哺资金：%1% 进入社区基金池，%2% 委托社区社会企业独立核算。</translation>
    </message>
    <message>
        <source>Choose the partner.</source>
        <translation>请选择合伙人。</translation>
    </message>
    <message>
        <source>Choose the space.</source>
        <translation>请选择空间。</translation>
    </message>
    <message>
        <source>The term ends before it starts.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
</context>
<context>
    <name>AgreementLabels</name>
    <message>
        <source>Activity room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Canteen</source>
        <translation>食堂/助餐点</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办公用房</translation>
    </message>
    <message>
        <source>Service centre</source>
        <translation>服务中心</translation>
    </message>
    <message>
        <source>Outdoor site</source>
        <translation>户外场地</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Street office</source>
        <translation>街道办事处</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Property company</source>
        <translation>物业公司</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>闲置</translation>
    </message>
    <message>
        <source>Under agreement</source>
        <translation>协议使用中</translation>
    </message>
    <message>
        <source>Under renovation</source>
        <translation>改造中</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>In progress or in force</source>
        <translation>在办及履行中</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签订</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>履行中</translation>
    </message>
    <message>
        <source>Ending soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>已续签</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Free of charge</source>
        <translation>无偿使用</translation>
    </message>
    <message>
        <source>Low rent</source>
        <translation>低偿租用</translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation>收益分成</translation>
    </message>
    <message>
        <source>Space for services</source>
        <translation>空间换服务</translation>
    </message>
    <message>
        <source>Space for funds</source>
        <translation>空间换资金</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>起草</translation>
    </message>
    <message>
        <source>Draft changed</source>
        <translation>修改草稿</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签订</translation>
    </message>
    <message>
        <source>Put in force</source>
        <translation>开始履行</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Close as expired</source>
        <translation>到期终结</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
</context>
<context>
    <name>AgreementLists</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>协议编号</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空间</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>使用方式</translation>
    </message>
    <message>
        <source>Monthly rent</source>
        <translation>月租金（元）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>产权方</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Shared by slot</source>
        <translation>分时共享</translation>
    </message>
</context>
<context>
    <name>AgreementWindow</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
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
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Change draft…</source>
        <translation>修改草稿…</translation>
    </message>
    <message>
        <source>Add supplement…</source>
        <translation>签订补充协议…</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>续签…</translation>
    </message>
    <message>
        <source>Next steps:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <source>Supplements</source>
        <translation>补充协议</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>履约情况</translation>
    </message>
    <message>
        <source>Agreement %1</source>
        <translation>协议 %1</translation>
    </message>
    <message>
        <source>%1 · %2 (%3) · %4 to %5</source>
        <translation>%1 · %2（%3）· %4 至 %5</translation>
    </message>
    <message>
        <source>Signed: it can only be changed by a supplement or a renewal.</source>
        <translation>已签订，只能通过补充协议或续签变更</translation>
    </message>
    <message>
        <source>Approved: the terms are fixed; the next step is signing.</source>
        <translation>已审批：条款已确定，下一步为签订。</translation>
    </message>
    <message>
        <source>Closed (%1): kept for the record.</source>
        <translation>已结束（%1），仅供查阅。</translation>
    </message>
</context>
<context>
    <name>AgreementsPage</name>
    <message>
        <source>Agreements</source>
        <translation>空间使用协议</translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation>空间</translation>
    </message>
</context>
<context>
    <name>AgreementsTab</name>
    <message>
        <source>Search: agreement number, partner or space (Ctrl+F)</source>
        <translation>搜索：协议编号、合伙人或空间（Ctrl+F）</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>New agreement… (Ctrl+N)</source>
        <translation>新建协议…（Ctrl+N）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Ending within</source>
        <translation>到期提醒</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>Agreements: %1</source>
        <translation>协议：%1</translation>
    </message>
</context>
<context>
    <name>DeliveryView</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Sessions committed</source>
        <translation>承诺场次</translation>
    </message>
    <message>
        <source>Sessions delivered</source>
        <translation>实际场次</translation>
    </message>
    <message>
        <source>Hours committed</source>
        <translation>承诺时长（小时）</translation>
    </message>
    <message>
        <source>Hours delivered</source>
        <translation>实际时长（小时）</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Delivery figures are not available in this version.</source>
        <translation>本版本暂不提供履约统计。</translation>
    </message>
    <message>
        <source>No signed agreement held a space in this year.</source>
        <translation>该年度没有已签订的协议。</translation>
    </message>
</context>
<context>
    <name>ExpiringReminder</name>
    <message>
        <source>Ends</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空间</translation>
    </message>
    <message>
        <source>Agreements ending soon</source>
        <translation>即将到期的空间使用协议</translation>
    </message>
    <message>
        <source>within %1 days</source>
        <translation>%1 天内</translation>
    </message>
    <message>
        <source>Show the list</source>
        <translation>查看列表</translation>
    </message>
    <message>
        <source>agreements in force end</source>
        <translation>份履行中的协议到期：</translation>
    </message>
</context>
<context>
    <name>PartnerAgreementsTab</name>
    <message>
        <source>No space-use agreement yet.</source>
        <translation>尚无空间使用协议。</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <source>Renew %1</source>
        <translation>续签 %1</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>续签</translation>
    </message>
    <message>
        <source>Renewal starts on</source>
        <translation>续签起始日期</translation>
    </message>
    <message>
        <source>New end date</source>
        <translation>新的截止日期</translation>
    </message>
    <message>
        <source>The renewal is a new draft with the same terms; it replaces this agreement once it is signed.</source>
        <translation>续签将按原条款生成一份新的协议草稿，签订后取代本协议。</translation>
    </message>
    <message>
        <source>The new end date must come after the current one.</source>
        <translation>新的截止日期须晚于原截止日期。</translation>
    </message>
</context>
<context>
    <name>SlotRow</name>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>SlotsEditor</name>
    <message>
        <source>Add a time slot</source>
        <translation>添加时段</translation>
    </message>
    <message>
        <source>This space is shared by time slot: name the weekly hours this agreement uses.</source>
        <translation>该空间分时共享：请写明本协议每周使用的时段。</translation>
    </message>
    <message>
        <source>This space is not shared by time slot: the agreement holds it all week.</source>
        <translation>该空间不分时共享：协议期内整周使用。</translation>
    </message>
</context>
<context>
    <name>SpaceDialog</name>
    <message>
        <source>New space</source>
        <translation>新建空间</translation>
    </message>
    <message>
        <source>Change space %1</source>
        <translation>修改空间 %1</translation>
    </message>
    <message>
        <source>Choose a community…</source>
        <translation>请选择社区…</translation>
    </message>
    <message>
        <source>Several partners share it by weekly time slots</source>
        <translation>由多个合伙人按每周时段分时共享</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Floor area (m²)</source>
        <translation>建筑面积（m²）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>产权方</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose the community the space belongs to.</source>
        <translation>请选择空间所属社区。</translation>
    </message>
    <message>
        <source>Please enter the space&apos;s name.</source>
        <translation>请填写空间名称。</translation>
    </message>
    <message>
        <source>Enter the floor area in m², more than zero (e.g. 80.50).</source>
        <translation>请填写大于零的面积（m²），例如 80.50。</translation>
    </message>
</context>
<context>
    <name>SpaceFiles</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
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
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Floor plan</source>
        <translation>平面图</translation>
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
        <source>Choose a space in the list above.</source>
        <translation>请在上方列表中选择空间。</translation>
    </message>
    <message>
        <source>Add a photo or floor plan</source>
        <translation>添加照片或平面图</translation>
    </message>
    <message>
        <source>Images and documents (*.jpg *.jpeg *.png *.pdf *.dwg);;All files (*)</source>
        <translation>图片和文档 (*.jpg *.jpeg *.png *.pdf *.dwg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Storing the file…</source>
        <translation>正在保存文件…</translation>
    </message>
</context>
<context>
    <name>SpacesTab</name>
    <message>
        <source>Search: space name or address (Ctrl+F)</source>
        <translation>搜索：空间名称或地址（Ctrl+F）</translation>
    </message>
    <message>
        <source>New space… (Ctrl+N)</source>
        <translation>新建空间…（Ctrl+N）</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Photos and floor plans</source>
        <translation>照片与平面图</translation>
    </message>
    <message>
        <source>Space activated</source>
        <translation>空间激活面积</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Spaces: %1</source>
        <translation>空间：%1</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Opinion or reason (required)</source>
        <translation>意见或理由（必填）</translation>
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
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Please write the reason.</source>
        <translation>请填写理由。</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <source>Supplement to %1</source>
        <translation>%1 的补充协议</translation>
    </message>
    <message>
        <source>Add supplement</source>
        <translation>签订补充协议</translation>
    </message>
    <message>
        <source>What the supplement changes or adds</source>
        <translation>补充协议变更或增加的内容</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Please write the supplement&apos;s text.</source>
        <translation>请填写补充协议内容。</translation>
    </message>
</context>
</TS>
