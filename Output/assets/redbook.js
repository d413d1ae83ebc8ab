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