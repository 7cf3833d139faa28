<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>ReportDesk</source>
        <translation>报告对照台</translation>
    </message>
    <message>
        <source>Compare successive government work reports side by side, review every change and target, and edit this year&apos;s draft in place.</source>
        <translation>并排比较逐年政府工作报告，逐处审阅每一处修改和每一项目标，并直接在右侧修改今年的草稿。</translation>
    </message>
    <message>
        <source>Runs entirely offline; no text leaves this computer.</source>
        <translation>完全离线运行，任何文字都不会离开本机。</translation>
    </message>
    <message>
        <source>About ReportDesk</source>
        <translation>关于报告对照台</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open comparison…</source>
        <translation>打开对照(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a &amp;folder of yearly reports…</source>
        <translation>打开逐年报告文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Save draft &amp;as…</source>
        <translation>草稿另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export review document…</source>
        <translation>导出审阅稿(&amp;E)…</translation>
    </message>
    <message>
        <source>Export comparison as &amp;JSON…</source>
        <translation>导出比较结果 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Text &amp;font…</source>
        <translation>正文字体(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next change</source>
        <translation>下一处(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous change</source>
        <translation>上一处(&amp;P)</translation>
    </message>
    <message>
        <source>Compare &amp;again</source>
        <translation>重新比较(&amp;A)</translation>
    </message>
    <message>
        <source>Keep &amp;web-page extras</source>
        <translation>保留网页杂项(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;About ReportDesk</source>
        <translation>关于报告对照台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一处</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一处</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Export review</source>
        <translation>导出审阅稿</translation>
    </message>
    <message>
        <source>Previous change (Shift+F8, Alt+↑)</source>
        <translation>上一处变化（Shift+F8、Alt+↑）</translation>
    </message>
    <message>
        <source>Next change (F8, Alt+↓)</source>
        <translation>下一处变化（F8、Alt+↓）</translation>
    </message>
</context>
<context>
    <name>ChangeListModel</name>
    <message>
        <source>Changed</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Target change</source>
        <translation>目标变化</translation>
    </message>
    <message>
        <source>Number edit</source>
        <translation>数字修改</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Title and signature</source>
        <translation>标题与署名</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>开篇</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>上年</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
</context>
<context>
    <name>ChangeNavigator</name>
    <message>
        <source>All changes</source>
        <extracomment>(category key, English source label) for the filter box; &quot;&quot; is all. Marked for lupdate here, translated in ChangeNavigator&apos;s context.</extracomment>
        <translation>全部变化</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>措辞修改</translation>
    </message>
    <message>
        <source>Hints</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Target changes</source>
        <translation>目标变化</translation>
    </message>
    <message>
        <source>Number edits</source>
        <translation>数字修改</translation>
    </message>
    <message>
        <source>Moves</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>New sections</source>
        <translation>新增章节</translation>
    </message>
    <message>
        <source>Removed sections</source>
        <translation>删除章节</translation>
    </message>
    <message>
        <source>Search changes</source>
        <translation>搜索变化</translation>
    </message>
    <message>
        <source>{shown} of {total} changes</source>
        <translation>显示 {shown} / 共 {total} 处变化</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Reports (*.docx *.txt *.md);;Word documents (*.docx);;Text files (*.txt);;All files (*)</source>
        <translation>报告 (*.docx *.txt *.md);;Word 文档 (*.docx);;文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open comparison</source>
        <translation>打开对照</translation>
    </message>
    <message>
        <source>Last year&apos;s report (.docx or .txt)</source>
        <translation>上一年的报告（.docx 或 .txt）</translation>
    </message>
    <message>
        <source>This year&apos;s report or draft</source>
        <translation>今年的报告或草稿</translation>
    </message>
    <message>
        <source>&amp;Earlier report:</source>
        <translation>上年报告(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Later report / draft:</source>
        <translation>本年报告/草稿(&amp;L)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Swap ⇅</source>
        <translation>交换 ⇅</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Choose a report</source>
        <translation>选择报告</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>ReportDesk ran into an unexpected error. Your draft has been kept (it is autosaved and will be offered again at the next start).
You can go on working, but saving the draft now is recommended.</source>
        <translation>报告对照台遇到了意外错误。您的草稿已保留（已自动保存，下次启动时会提示恢复）。
可以继续工作，但建议现在就保存草稿。</translation>
    </message>
    <message>
        <source>A report for the developers was written to:</source>
        <translation>错误报告已写入：</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export review document</source>
        <translation>导出审阅稿</translation>
    </message>
    <message>
        <source>Tracked changes (accept / reject in Word or WPS)</source>
        <translation>修订稿（修订模式，可在 Word 或 WPS 中接受/拒绝）</translation>
    </message>
    <message>
        <source>Summary (one page: main targets, counts, key phrases)</source>
        <translation>摘要（一页：主要目标、修改概况、提法变化）</translation>
    </message>
    <message>
        <source>Comparison table (old | new | change)</source>
        <translation>修改对照表（原文 | 修改后 | 说明）</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>修订者(&amp;A)：</translation>
    </message>
    <message>
        <source>Target table (main and named targets)</source>
        <translation>目标对照表（主要目标和其他年度目标）</translation>
    </message>
    <message>
        <source>Appendix: task quantities by section</source>
        <translation>任务数量附录（按部分分列）</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>包含部分：</translation>
    </message>
    <message>
        <source>List unchanged sentences in the table too</source>
        <translation>对照表中也列出未改动的句子</translation>
    </message>
    <message>
        <source>Explain moves and target changes in comments</source>
        <translation>用批注说明移动和目标变化</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>保存到(&amp;T)：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose at least one part.</source>
        <translation>请至少选择一个部分。</translation>
    </message>
    <message>
        <source>Choose where to save the review document.</source>
        <translation>请选择审阅稿的保存位置。</translation>
    </message>
    <message>
        <source>The review document cannot replace one of the compared reports. Choose another name.</source>
        <translation>审阅稿不能覆盖正在比较的报告，请另取文件名。</translation>
    </message>
    <message>
        <source>That folder does not exist.</source>
        <translation>该文件夹不存在。</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Folder of yearly reports</source>
        <translation>逐年报告所在文件夹</translation>
    </message>
    <message>
        <source>No report files (.docx, .txt) were found there.</source>
        <translation>该处没有找到报告文件（.docx、.txt）。</translation>
    </message>
    <message>
        <source>Loading and comparing…</source>
        <translation>正在载入并比较…</translation>
    </message>
    <message numerus="yes">
        <source>Loading %n report(s)…</source>
        <translation>
            <numerusform>正在载入 %n 份报告…</numerusform>
        </translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <source>Both sides are the same file: there is nothing to compare. Choose last year&apos;s report for the left side.</source>
        <translation>左右两侧是同一个文件，没有可比较的内容。请在左侧选择上一年的报告。</translation>
    </message>
    <message>
        <source>The two files have exactly the same text: there are no changes.</source>
        <translation>两个文件的文字完全相同，没有任何修改。</translation>
    </message>
    <message>
        <source>How the files were read:</source>
        <translation>文件的读取情况：</translation>
    </message>
    <message>
        <source>The recovered draft could not be copied into the autosave folder; the recovery file is kept and will be offered again at the next start.</source>
        <translation>恢复的草稿未能写入自动保存文件夹；恢复文件已保留，下次启动时会再次提示恢复。</translation>
    </message>
    <message>
        <source>Restoring the draft…</source>
        <translation>正在恢复草稿…</translation>
    </message>
    <message>
        <source>The compared files could not be opened. The recovered draft was saved as:
%1</source>
        <translation>无法打开原来比较的文件。恢复的草稿已另存为：
%1</translation>
    </message>
    <message>
        <source>Save draft as</source>
        <translation>草稿另存为</translation>
    </message>
    <message>
        <source>Word document (*.docx);;Plain text (*.txt)</source>
        <translation>Word 文档 (*.docx);;纯文本 (*.txt)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Exporting the review document…</source>
        <translation>正在导出审阅稿…</translation>
    </message>
    <message>
        <source>Export comparison as JSON</source>
        <translation>导出比较结果（JSON）</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Find and replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <source>Fi&amp;nd:</source>
        <translation>查找内容(&amp;N)：</translation>
    </message>
    <message>
        <source>Re&amp;place with:</source>
        <translation>替换为(&amp;P)：</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>区分大小写(&amp;C)</translation>
    </message>
    <message>
        <source>Search the &amp;earlier report</source>
        <translation>在上年报告中查找(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find next</source>
        <translation>查找下一个(&amp;F)</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <source>Replace &amp;all</source>
        <translation>全部替换(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>Replaced; the next match is selected.</source>
        <translation>已替换，已选中下一处。</translation>
    </message>
    <message>
        <source>Replaced; no more matches.</source>
        <translation>已替换，后面没有更多匹配。</translation>
    </message>
    <message numerus="yes">
        <source>%n replacement(s).</source>
        <translation>
            <numerusform>已替换 %n 处。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LegendBar</name>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed target</source>
        <translation>目标变化</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>移动</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Drop last year&apos;s report here,
or use File ▸ Open comparison (Ctrl+O).</source>
        <translation>把上一年的报告拖到这里，
或使用“文件 ▸ 打开对照”（Ctrl+O）。</translation>
    </message>
    <message>
        <source>Drop this year&apos;s report or draft here.</source>
        <translation>把今年的报告或草稿拖到这里。</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>上年</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>%1 report</source>
        <translation>%1年报告</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <source>%1 (draft, editable)</source>
        <translation>%1（草稿，可编辑）</translation>
    </message>
    <message>
        <source>%1 ⇄ %2 (draft)</source>
        <translation>%1 ⇄ %2（草稿）</translation>
    </message>
    <message>
        <source>ReportDesk</source>
        <translation>报告对照台</translation>
    </message>
    <message>
        <source>Now drop the other report on the other pane.</source>
        <translation>请再把另一份报告拖到另一侧。</translation>
    </message>
    <message>
        <source>Edits: %1 · Moves: %2 · Target changes: %3 (%4 edits) · Number edits: %5 · New phrases: %6</source>
        <translation>修改 %1 处 · 移动 %2 处 · 目标变化 %3 项（涉及 %4 处修改）· 数字修改 %5 处 · 新提法 %6 个</translation>
    </message>
    <message>
        <source>Edits: %1 · Moves: %2 · Target changes: %3 · Number edits: %4</source>
        <translation>修改 %1 处 · 移动 %2 处 · 目标变化 %3 项 · 数字修改 %4 处</translation>
    </message>
    <message>
        <source>Hints: %1</source>
        <translation>提示 %1 条</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>共 %1 处</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>第 %1 / 共 %2 处</translation>
    </message>
    <message>
        <source>Exported “%1”:</source>
        <translation>已导出“%1”：</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open containing folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>打开最近(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>OutlineView</name>
    <message>
        <source>(Opening)</source>
        <translation>（开篇）</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>移动</translation>
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <source>Where the changes are; click to jump</source>
        <translation>变化的分布；单击跳转</translation>
    </message>
</context>
<context>
    <name>PrefsController</name>
    <message>
        <source>Text font</source>
        <translation>正文字体</translation>
    </message>
    <message>
        <source>The new language is used from the next start of ReportDesk.</source>
        <translation>界面语言将在下次启动报告对照台时生效。</translation>
    </message>
    <message>
        <source>Open comparison</source>
        <translation>打开对照</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Save draft as</source>
        <translation>草稿另存为</translation>
    </message>
    <message>
        <source>Export review document</source>
        <translation>导出审阅稿</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>下一处变化</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>上一处变化</translation>
    </message>
    <message>
        <source>Compare again</source>
        <translation>重新比较</translation>
    </message>
    <message>
        <source>Undo / redo</source>
        <translation>撤销 / 重做</translation>
    </message>
    <message>
        <source>Find / replace</source>
        <translation>查找 / 替换</translation>
    </message>
    <message>
        <source>Larger / smaller text</source>
        <translation>放大 / 缩小文字</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>ReportDesk</source>
        <translation>报告对照台</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The draft has changes that have not been saved. Save them?</source>
        <translation>草稿有尚未保存的修改，是否保存？</translation>
    </message>
    <message>
        <source>The draft is saved as plain paragraphs: the Word file&apos;s fonts and styles are not kept.</source>
        <translation>草稿按普通段落保存，原 Word 文件的字体和样式不会保留。</translation>
    </message>
    <message>
        <source>Overwrite the original?</source>
        <translation>覆盖原文件？</translation>
    </message>
    <message>
        <source>The left (earlier) report is from %1, the right (draft) one from %2: they look swapped.
Swap them, so the %2 report is on the left and the %1 report is the draft?</source>
        <translation>左侧（上一年）的报告是 %1 年的，右侧（草稿）是 %2 年的，两者似乎放反了。
要交换吗？交换后 %2 年的报告在左侧，%1 年的报告作为草稿。</translation>
    </message>
    <message>
        <source>Swap the reports?</source>
        <translation>交换两份报告？</translation>
    </message>
    <message>
        <source>%1.
These lines (font size, share, print…) came with the page the text was copied from. Keep them and compare again? (Compare ▸ Keep web-page extras)</source>
        <translation>%1。
这些行（字体大小、分享、打印等）是从网页复制正文时一并带来的。要保留它们并重新比较吗？（比较 ▸ 保留网页杂项）</translation>
    </message>
    <message>
        <source>Web-page extras</source>
        <translation>网页杂项</translation>
    </message>
    <message>
        <source>“%1” is the file the draft was opened from. Overwrite it with the edited draft?
Choose No to save under another name.</source>
        <translation>“%1”是草稿打开时的原文件。要用修改后的草稿覆盖它吗？
选“否”可另存为其他文件名。</translation>
    </message>
    <message>
        <source>(new draft)</source>
        <translation>（新草稿）</translation>
    </message>
    <message>
        <source>Restore draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <source>ReportDesk did not close normally last time. A draft autosaved at %1 was found:
%2

Restore it?</source>
        <translation>报告对照台上次没有正常关闭。找到了 %1 自动保存的草稿：
%2

是否恢复？</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Text &amp;font:</source>
        <translation>正文字体(&amp;F)：</translation>
    </message>
    <message>
        <source>Shown as the reviser in exported documents</source>
        <translation>导出审阅稿时显示为修订者</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>修订者(&amp;A)：</translation>
    </message>
    <message>
        <source>Ignore full-width / half-width punctuation differences (，and ,)</source>
        <translation>忽略全角/半角标点差异（，与 ,）</translation>
    </message>
    <message>
        <source>Detect moved sentences</source>
        <translation>识别移动的句子</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Autosave the draft every:</source>
        <translation>草稿自动保存间隔：</translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Last year&apos;s target</source>
        <translation>上年目标</translation>
    </message>
    <message>
        <source>Last year&apos;s actual</source>
        <translation>上年实际</translation>
    </message>
    <message>
        <source>This year&apos;s target</source>
        <translation>本年目标</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提高</translation>
    </message>
    <message>
        <source>Lowered</source>
        <translation>降低</translation>
    </message>
    <message>
        <source>Qualifier changed</source>
        <translation>表述变化</translation>
    </message>
    <message>
        <source>Raised, qualifier changed</source>
        <translation>提高，表述变化</translation>
    </message>
    <message>
        <source>Lowered, qualifier changed</source>
        <translation>降低，表述变化</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>不再提出</translation>
    </message>
    <message>
        <source>Main target</source>
        <translation>主要目标</translation>
    </message>
    <message>
        <source>Named target</source>
        <translation>其他年度目标</translation>
    </message>
    <message>
        <source>Task quantity</source>
        <translation>任务量</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>No actual found</source>
        <translation>未见实际数</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>判断：%1</translation>
    </message>
    <message>
        <source>Last year&apos;s target: “%1”</source>
        <translation>上年目标：“%1”</translation>
    </message>
    <message>
        <source>This year&apos;s report: “%1”</source>
        <translation>本年报告：“%1”</translation>
    </message>
    <message>
        <source>This year&apos;s report states no actual for it.</source>
        <translation>本年报告未写明实际数。</translation>
    </message>
    <message>
        <source>Last year: “%1”</source>
        <translation>上年：“%1”</translation>
    </message>
    <message>
        <source>This year: “%1”</source>
        <translation>本年：“%1”</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <source>All targets</source>
        <extracomment>Filter choices: (key, English source label); keys match TargetChange.change prefixes.</extracomment>
        <translation>全部指标</translation>
    </message>
    <message>
        <source>Changed only</source>
        <translation>仅看变化</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提高</translation>
    </message>
    <message>
        <source>Lowered</source>
        <translation>降低</translation>
    </message>
    <message>
        <source>Qualifier changed</source>
        <translation>表述变化</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>不再提出</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>All tiers</source>
        <extracomment>Tier choices: &quot;headline&quot; is main and named targets (what 目标变化 counts).</extracomment>
        <translation>全部层级</translation>
    </message>
    <message>
        <source>Main and named targets</source>
        <translation>主要和其他年度目标</translation>
    </message>
    <message>
        <source>Main targets</source>
        <translation>主要目标</translation>
    </message>
    <message>
        <source>Task quantities</source>
        <translation>任务量</translation>
    </message>
    <message>
        <source>Which two reports to compare</source>
        <translation>比较哪两年的报告</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Year over year</source>
        <translation>逐年对比</translation>
    </message>
    <message>
        <source>Across years</source>
        <translation>历年走势</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>No targets</source>
        <translation>没有目标</translation>
    </message>
    <message>
        <source>Target changes: %1 of %2 main and named targets · task quantities: %3</source>
        <translation>目标变化 %1 项（主要和其他年度目标共 %2 项）· 任务量 %3 项</translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报告</translation>
    </message>
</context>
</TS>
