/// redbook's own style sheet and page script.
enum PageStyle {
    static let css = #"""
:root {
  --text: #1f2328;
  --muted: #656d76;
  --accent: #b3261e;
  --border: #d8dee4;
  --code-background: #f6f8fa;
  --output-background: #fbfbfc;
  --error: #b3261e;
  --error-background: #fff1f0;
  --expected: #8a6100;
  --expected-background: #fff8e6;
  --sans: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", system-ui, -apple-system, "Segoe UI", sans-serif;
  --serif: "Noto Serif CJK SC", "Noto Serif SC", "Songti SC", "SimSun", Georgia, serif;
  --mono: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: #fff; font-family: var(--sans); font-size: 17px; line-height: 1.75; }
.layout { display: flex; gap: 2.5rem; max-width: 76rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
main.notebook { flex: 1; min-width: 0; max-width: 50rem; }
nav.toc { flex: 0 0 14rem; order: 2; position: sticky; top: 1.5rem; align-self: flex-start; max-height: calc(100vh - 3rem); overflow-y: auto; font-size: 0.9rem; border-left: 3px solid var(--border); padding-left: 1rem; }
.toc-title { font-weight: 700; color: var(--muted); margin-bottom: 0.4rem; }
nav.toc ul { list-style: none; margin: 0; padding: 0; }
nav.toc li { margin: 0.2rem 0; }
nav.toc .toc-level-3 { padding-left: 1rem; }
nav.toc a { color: var(--text); text-decoration: none; }
nav.toc a:hover { color: var(--accent); }
h1, h2, h3, h4 { font-family: var(--serif); line-height: 1.35; margin: 2rem 0 0.8rem; }
h1 { font-size: 2.1rem; margin-top: 0.5rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.4rem; }
h2 { font-size: 1.55rem; border-bottom: 1px solid var(--border); padding-bottom: 0.25rem; }
h3 { font-size: 1.25rem; }
a { color: #0b5cad; }
p, ul, ol, blockquote, table { margin: 0.9rem 0; }
blockquote { margin-left: 0; padding: 0.2rem 1rem; color: var(--muted); border-left: 4px solid var(--border); }
code { font-family: var(--mono); font-size: 0.88em; background: var(--code-background); padding: 0.1em 0.3em; border-radius: 4px; }
pre { font-family: var(--mono); font-size: 0.85rem; line-height: 1.55; overflow-x: auto; }
pre code { background: none; padding: 0; font-size: inherit; }
main > pre, li > pre { background: var(--code-background); padding: 0.8rem 1rem; border-radius: 6px; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--border); padding: 0.3rem 0.7rem; }
th:not([align]), td:not([align]) { text-align: left; }
th { background: var(--code-background); }
img { max-width: 100%; height: auto; }
.page-description { color: var(--muted); font-size: 1.05rem; }
.cell { margin: 1.2rem 0; border: 1px solid var(--border); border-radius: 8px; overflow: hidden; }
.cell-header { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: baseline; font-size: 0.78rem; color: var(--muted); background: #f0f2f4; padding: 0.15rem 0.8rem; border-bottom: 1px solid var(--border); }
.cell-name { font-family: var(--mono); }
.cell-time { margin-left: auto; }
.cell-status { font-weight: 700; color: var(--muted); }
.cell-error .cell-status, .cell-timed-out .cell-status { color: var(--error); }
.cell-expected-error .cell-status { color: var(--expected); }
.cell-error { border-color: var(--error); }
.cell-not-run, .cell-skipped { opacity: 0.75; }
.cell-code { margin: 0; padding: 0.75rem 1rem; background: var(--code-background); }
.cell-code code.hljs { background: none; padding: 0; }
.cell-outputs { border-top: 1px solid var(--border); background: var(--output-background); }
.output { margin: 0; }
pre.output { padding: 0.6rem 1rem; white-space: pre-wrap; word-break: break-word; }
pre.output-stderr { color: #8a3b00; background: #fff7ed; border-left: 4px solid #f0a35e; }
.truncated { display: block; margin-top: 0.4rem; color: var(--muted); font-style: italic; }
.output-table { padding: 0.6rem 1rem; overflow-x: auto; }
.output-table table { margin: 0; font-size: 0.9rem; }
.output-image { margin: 0; padding: 0.8rem 1rem; text-align: center; }
.output-image figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.3rem; }
.output-markdown { padding: 0.2rem 1rem; }
.output-error, .output-expected-error { padding: 0.5rem 1rem; }
.output-error { background: var(--error-background); border-left: 4px solid var(--error); }
.output-expected-error { background: var(--expected-background); border-left: 4px solid #d4a017; }
.output-error pre, .output-expected-error pre { margin: 0.3rem 0 0; white-space: pre-wrap; }
.error-title { font-weight: 700; font-size: 0.85rem; }
.output-error .error-title { color: var(--error); }
.output-expected-error .error-title { color: var(--expected); }
.notebook-error { margin: 1rem 0; border-radius: 6px; }
.page-footer { text-align: center; color: var(--muted); font-size: 0.8rem; padding: 1rem; }
.notebook-list { padding-left: 1.2rem; }
.notebook-list .path { color: var(--muted); font-family: var(--mono); font-size: 0.8rem; margin-left: 0.5rem; }
.page-neighbours { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border); }
.page-neighbours a { display: flex; flex-direction: column; max-width: 48%; text-decoration: none; }
.page-neighbours .page-next { margin-left: auto; text-align: right; }
.page-neighbour-label { color: var(--muted); font-size: 0.85rem; }
.page-neighbour-title { font-weight: 700; }
@media (max-width: 900px) {
  .layout { display: block; padding: 1rem 0.9rem 2rem; }
  nav.toc { position: static; max-height: none; border-left: none; border-bottom: 1px solid var(--border); padding: 0 0 0.8rem; margin-bottom: 1rem; }
  body { font-size: 16px; }
}
"""#

    static let script = #"""
// Highlights code and typesets the span.math elements once the deferred libraries have loaded.
document.addEventListener("DOMContentLoaded", function () {
  if (window.hljs) {
    document.querySelectorAll("pre code").forEach(function (block) {
      window.hljs.highlightBlock(block);
    });
  }
  if (window.katex) {
    document.querySelectorAll("span.math").forEach(function (element) {
      var display = element.classList.contains("math-display");
      var source = element.textContent;
      var delimiter = display ? 2 : 1;
      window.katex.render(source.slice(delimiter, source.length - delimiter), element, {
        displayMode: display,
        throwOnError: false
      });
    });
  }
});
"""#
}
