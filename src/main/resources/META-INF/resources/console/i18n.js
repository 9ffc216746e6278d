// Chinese by default, English on request (kept in localStorage).
const WORDS = {
  zh: {
    appTitle: '制造业结对促共富 · 工作台', skip: '跳到正文', loading: '正在加载…', signIn: '登录', signOut: '退出',
    username: '用户名', password: '密码', signInTitle: '登录工作台', switchLang: 'English',
    navDashboard: '总览', navRanking: '排名与通报', navMine: '我的结对', navReview: '审核', navRuns: '考核运行',
    navUsers: '用户', navAudit: '审计日志', program: '示范创建工作', year: '年度', show: '查看',
    pairings: '结对数', parkCoverage: '合作园区覆盖', assessed: '已考核', passed: '合格及以上', averageTotal: '平均得分',
    projects: '合作项目', activities: '对接活动', parks: '合作园区', history: '变更记录',
    workflow: '年度数据状态', DRAFT: '草稿', RETURNED: '已退回', SUBMITTED: '已提交', APPROVED: '已审核',
    COMPUTED: '已计算', FINALIZED: '已定稿', PUBLISHED: '已发布', RUNNING: '运行中', SUCCEEDED: '已完成', FAILED: '失败',
    PLANNED: '谋划', SIGNED: '签约', UNDER_CONSTRUCTION: '在建', IN_PRODUCTION: '投产', CANCELLED: '取消',
    projectsByTrack: '各赛道合作项目（按状态）', grades: '等次分布', workflowChart: '结对年度数据状态',
    rank: '名次', pair: '结对', total: '总分', grade: '等次', status: '状态', trackScores: '各赛道得分',
    downloadCsv: '下载 CSV', downloadXlsx: '下载 Excel', print: '打印通报', bulletin: '年度考核通报',
    noAssessments: '该年度尚无考核结果。', open: '详情', radar: '六大赛道得分', progress: '目标与完成',
    indicator: '指标', unit: '单位', target: '目标值', actual: '完成值', completion: '完成率',
    noScore: '暂无可用的考核办法，无法计算得分。', step: '进展', date: '日期', title: '名称', kind: '类型',
    track: '赛道', hostCounty: '所在县', investment: '投资额（元）', participants: '参加人数',
    name: '名称', establishedOn: '设立日期', areaMu: '面积（亩）', focusIndustry: '主导产业',
    when: '时间', who: '操作人', what: '内容', reason: '原因', save: '保存', saved: '已保存',
    saveTargets: '保存目标值', saveActuals: '保存完成值', submit: '提交审核', submitted: '已提交审核',
    edit: '填报', newProject: '新增合作项目', newActivity: '新增对接活动', newPark: '新增合作园区', add: '添加',
    plannedOn: '谋划日期', heldOn: '活动日期', moveTo: '推进到', on: '日期', move: '推进',
    template: '模板导入', downloadTemplate: '下载本年度模板', file: '模板文件', importKind: '导入内容',
    check: '检查（不导入）', doImport: '导入', checkOk: '检查通过：{rows} 行，新增 {created}，修改 {updated}，未变 {unchanged}。',
    checkBad: '发现 {errors} 处错误，请在模板中改正后重新上传。', imported: '已导入：新增 {created}，修改 {updated}，未变 {unchanged}。',
    sheet: '工作表', cell: '单元格', value: '填写内容', problem: '问题',
    targets: '目标值', actuals: '完成值',
    stale: '这条数据已被他人修改。', reload: '重新加载', networkError: '无法连接服务，请检查网络后重试。',
    sessionEnded: '登录已过期，请重新登录。', forbidden: '您没有权限进行此操作。',
    approve: '审核通过', return: '退回', comment: '意见', approved: '已审核通过', returned: '已退回',
    noSubmissions: '没有待审核的提交。', startRun: '开始考核运行', runStatus: '运行状态', runFinished: '考核运行已完成：{n} 个结对。',
    finalize: '定稿', reopen: '重新打开', pairingsAssessed: '已考核结对', duration: '用时（毫秒）',
    users: '用户', newUser: '新增用户', displayName: '姓名', roles: '角色', county: '所属县', enabled: '启用',
    disable: '停用', enable: '启用', create: '创建', created: '已创建',
    entityType: '对象类型', entityId: '对象编号', actor: '操作人', from: '起', to: '止', filter: '筛选', action: '操作',
    changes: '变化', noRows: '没有记录。', myPairs: '我负责的结对', choose: '请选择',
    admin: '管理员', assessor: '考核人员', 'county-editor': '县级填报员', viewer: '查阅',
    loadingPairs: '正在读取各结对状态：{done}/{total}', overdueNote: '未设截止日期，不计逾期。',
    navPrograms: '计划与结对', newProgram: '新增示范创建工作', code: '代码', startYear: '起始年度', endYear: '结束年度', annualBudget: '年度资金（元）', industrialCodes: '工业大县代码（逗号分隔）', mountainCodes: '山区县代码（逗号分隔）', designations: '认定的县', formedOn: '结对日期', adjust: '加减分', adjustItem: '加减分事项', points: '分值', adjusted: '已调整', byCity: '各市结对数与平均得分（按山区县所在市）', derived: '由项目和活动自动计算', mountain: '山区县', industrial: '工业大县', notFound: '找不到该页面。', yes: '是', no: '否',
    navSchemes: '考核办法', schemeVersions: '各版本', version: '版本', exampleScheme: '示例', publishedAt: '发布时间', noSchemes: '该年度尚无考核办法。',
    passMark: '合格线', bonusCap: '加分上限', deductionCap: '扣分上限', function: '计分方式', trackWeights: '各赛道权重（由指标分值相加）',
    publish: '发布', published: '已发布', newVersion: '新版本', newVersionFrom: '以此为基础新建版本', whatIf: '试算得分',
    whatIfNote: '按所选版本计算某一结对的得分，不保存。', whatIfScore: '试算', vetoed: '一票否决',
    printBulletin: '打开通报打印页', bulletinXlsx: '下载通报 Excel',
    change: '修改', delete: '删除', confirmDelete: '确认删除', deleted: '已删除', leadEnterprise: '牵头企业', expectedAnnualOutput: '达产后年产值（元）', expectedAnnualTax: '达产后年税收（元）', description: '说明', enterprises: '涉及企业数', amount: '金额（元）',
    approveAllocation: '批准分配', navFunding: '资金', allocationRules: '分配规则', exampleRule: '示例规则（非官方）', fundTotal: '资金总额（元）', basePercent: '基础部分',
    allocations: '资金分配', computed: '已计算分配草案', computeDraft: '计算分配草案', allocated: '已分配', reserve: '预留',
    basePool: '基础部分', meritPool: '择优部分', breakdown: '分配明细', coefficient: '等次系数', exactBase: '基础（精确）',
    exactMerit: '择优（精确）', extraFen: '尾差', balances: '结余', disbursed: '已拨付', clawedBack: '已收回', balance: '余额',
    ledger: '资金台账', reference: '凭证号', paidOn: '拨付日期', recordDisbursement: '登记拨付',
    ALLOCATION: '分配', DISBURSEMENT: '拨付', CLAWBACK: '收回', CORRECTION: '更正',
    documents: '佐证材料', fileName: '文件名', mediaType: '类型', size: '大小', uploadedBy: '上传', download: '下载',
    preview: '预览', close: '关闭', upload: '上传', uploaded: '已上传', documentFile: '文件', showDeleted: '显示已删除的材料',
  },
  en: {
    appTitle: 'County Pairing for Shared Prosperity · Console', skip: 'Skip to content', loading: 'Loading…',
    signIn: 'Sign in', signOut: 'Sign out', username: 'Username', password: 'Password', signInTitle: 'Sign in to the console',
    switchLang: '中文', navDashboard: 'Dashboard', navRanking: 'Ranking & bulletin', navMine: 'My pairs', navReview: 'Review',
    navRuns: 'Assessment runs', navUsers: 'Users', navAudit: 'Audit trail', program: 'Programme', year: 'Year', show: 'Show',
    pairings: 'Pairs', parkCoverage: 'Park coverage', assessed: 'Assessed', passed: 'Passed', averageTotal: 'Average score',
    projects: 'Projects', activities: 'Activities', parks: 'Parks', history: 'History of changes',
    workflow: 'Pair-year data status', DRAFT: 'Draft', RETURNED: 'Returned', SUBMITTED: 'Submitted', APPROVED: 'Approved',
    COMPUTED: 'Computed', FINALIZED: 'Finalized', PUBLISHED: 'Published', RUNNING: 'Running', SUCCEEDED: 'Succeeded', FAILED: 'Failed',
    PLANNED: 'Planned', SIGNED: 'Signed', UNDER_CONSTRUCTION: 'Under construction', IN_PRODUCTION: 'In production', CANCELLED: 'Cancelled',
    projectsByTrack: 'Projects by track (by status)', grades: 'Grades', workflowChart: 'Pair-year data status',
    rank: 'Rank', pair: 'Pair', total: 'Total', grade: 'Grade', status: 'Status', trackScores: 'Track scores',
    downloadCsv: 'Download CSV', downloadXlsx: 'Download Excel', print: 'Print bulletin', bulletin: 'Annual assessment bulletin',
    noAssessments: 'No assessment for this year yet.', open: 'Open', radar: 'Score on the six tracks', progress: 'Targets and actuals',
    indicator: 'Indicator', unit: 'Unit', target: 'Target', actual: 'Actual', completion: 'Completion',
    noScore: 'No scoring scheme applies: no score yet.', step: 'Steps', date: 'Date', title: 'Title', kind: 'Kind',
    track: 'Track', hostCounty: 'Host county', investment: 'Investment (CNY)', participants: 'Participants',
    name: 'Name', establishedOn: 'Established on', areaMu: 'Area (mu)', focusIndustry: 'Focus industry',
    when: 'When', who: 'Who', what: 'What', reason: 'Reason', save: 'Save', saved: 'Saved',
    saveTargets: 'Save targets', saveActuals: 'Save actuals', submit: 'Submit for approval', submitted: 'Submitted',
    edit: 'Enter data', newProject: 'New project', newActivity: 'New activity', newPark: 'New park', add: 'Add',
    plannedOn: 'Planned on', heldOn: 'Held on', moveTo: 'Move to', on: 'On', move: 'Move',
    template: 'Template import', downloadTemplate: 'Download this year\'s template', file: 'Template file', importKind: 'What to import',
    check: 'Check (no import)', doImport: 'Import', checkOk: 'Check passed: {rows} rows, {created} new, {updated} changed, {unchanged} unchanged.',
    checkBad: '{errors} errors found: correct them in the file and upload it again.', imported: 'Imported: {created} new, {updated} changed, {unchanged} unchanged.',
    sheet: 'Sheet', cell: 'Cell', value: 'Entered', problem: 'Problem', targets: 'Targets', actuals: 'Actuals',
    stale: 'Someone else changed this in the meantime.', reload: 'Reload', networkError: 'The service cannot be reached; check the network and try again.',
    sessionEnded: 'Your session ended; please sign in again.', forbidden: 'You may not do this.',
    approve: 'Approve', return: 'Return', comment: 'Comment', approved: 'Approved', returned: 'Returned',
    noSubmissions: 'Nothing awaits review.', startRun: 'Start assessment run', runStatus: 'Run status', runFinished: 'Assessment run finished: {n} pairs.',
    finalize: 'Finalize', reopen: 'Reopen', pairingsAssessed: 'Pairs assessed', duration: 'Duration (ms)',
    users: 'Users', newUser: 'New user', displayName: 'Display name', roles: 'Roles', county: 'County', enabled: 'Enabled',
    disable: 'Disable', enable: 'Enable', create: 'Create', created: 'Created',
    entityType: 'Entity type', entityId: 'Entity id', actor: 'Actor', from: 'From', to: 'To', filter: 'Filter', action: 'Action',
    changes: 'Changes', noRows: 'Nothing to show.', myPairs: 'My pairs', choose: 'Choose',
    admin: 'Administrator', assessor: 'Assessor', 'county-editor': 'County clerk', viewer: 'Viewer',
    loadingPairs: 'Reading each pair\'s status: {done}/{total}', overdueNote: 'No deadline is set, so nothing is overdue.',
    navPrograms: 'Programmes & pairs', newProgram: 'New programme', code: 'Code', startYear: 'First year', endYear: 'Last year', annualBudget: 'Yearly budget (CNY)', industrialCodes: 'Industrial county codes (comma-separated)', mountainCodes: 'Mountain county codes (comma-separated)', designations: 'Designated counties', formedOn: 'Formed on', adjust: 'Adjust', adjustItem: 'Item', points: 'Points', adjusted: 'Adjusted', byCity: 'Pairs and average score by city (of the mountain county)', derived: 'counted from projects and activities', mountain: 'Mountain county', industrial: 'Industrial county', notFound: 'No such page.', yes: 'yes', no: 'no',
    navSchemes: 'Scoring schemes', schemeVersions: 'Versions', version: 'Version', exampleScheme: 'example', publishedAt: 'Published', noSchemes: 'No scoring scheme for this year yet.',
    passMark: 'Pass mark', bonusCap: 'Bonus cap', deductionCap: 'Deduction cap', function: 'Scoring function', trackWeights: 'Track weights (sum of their indicators\' points)',
    publish: 'Publish', published: 'Published', newVersion: 'new version', newVersionFrom: 'New version from this one', whatIf: 'What-if score',
    whatIfNote: 'A pair\'s score under the version shown; nothing is saved.', whatIfScore: 'Score it', vetoed: 'vetoed',
    printBulletin: 'Open the printable bulletin', bulletinXlsx: 'Download the bulletin (Excel)',
    change: 'Edit', delete: 'Delete', confirmDelete: 'Really delete', deleted: 'Deleted', leadEnterprise: 'Lead enterprise', expectedAnnualOutput: 'Expected annual output (CNY)', expectedAnnualTax: 'Expected annual tax (CNY)', description: 'Description', enterprises: 'Enterprises', amount: 'Amount (CNY)',
    approveAllocation: 'Approve the allocation', navFunding: 'Funding', allocationRules: 'Allocation rules', exampleRule: 'example rule (not official)', fundTotal: 'Total (CNY)', basePercent: 'Base share',
    allocations: 'Allocations', computed: 'Draft allocation computed', computeDraft: 'Compute a draft allocation', allocated: 'Allocated', reserve: 'Reserve',
    basePool: 'Base pool', meritPool: 'Merit pool', breakdown: 'Breakdown', coefficient: 'Coefficient', exactBase: 'Base (exact)',
    exactMerit: 'Merit (exact)', extraFen: 'Remainder fen', balances: 'Balances', disbursed: 'Disbursed', clawedBack: 'Clawed back', balance: 'Balance',
    ledger: 'Ledger', reference: 'Reference', paidOn: 'Paid on', recordDisbursement: 'Record a disbursement',
    ALLOCATION: 'Allocation', DISBURSEMENT: 'Disbursement', CLAWBACK: 'Clawback', CORRECTION: 'Correction',
    documents: 'Evidence documents', fileName: 'File name', mediaType: 'Type', size: 'Size', uploadedBy: 'Uploaded', download: 'Download',
    preview: 'Preview', close: 'Close', upload: 'Upload', uploaded: 'Uploaded', documentFile: 'File', showDeleted: 'Show deleted documents',
  },
};

export let lang = localStorage.getItem('tandem.lang') === 'en' ? 'en' : 'zh';

export function setLang(value) {
  lang = value;
  localStorage.setItem('tandem.lang', value);
  document.documentElement.lang = value === 'en' ? 'en' : 'zh-CN';
}

/** The word for key in the current language, with {name} placeholders filled in. */
export function t(key, vars = {}) {
  const text = WORDS[lang][key] ?? WORDS.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => vars[name] ?? '');
}

/** nameZh / nameEn of reference data, by language. */
export const named = (thing) => (thing ? (lang === 'en' ? thing.nameEn || thing.nameZh : thing.nameZh || thing.nameEn) : '');

export const acceptLanguage = () => (lang === 'en' ? 'en' : 'zh-CN');

export function number(value, digits = 2) {
  if (value === null || value === undefined || value === '') return '';
  return Number(value).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: digits });
}
