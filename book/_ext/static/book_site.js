// The book's one addition to the theme's scripts, on every page.
//
// The theme lets the keyboard reach (and so scroll) a wide code block by
// giving it tabindex 0, but it measures the blocks only on load and on
// resize. A solution is hidden on load, so its wide code stays out of
// reach after the reader opens it. Measure the opened blocks again.
document.addEventListener("click", (event) => {
  const toggle = event.target.closest(".toggle-button, .admonition-title");
  const admonition = toggle && toggle.closest(".admonition");
  if (!admonition) {
    return;
  }
  for (const block of admonition.querySelectorAll("pre")) {
    const scrolls = block.scrollWidth > block.clientWidth;
    block.tabIndex = scrolls ? 0 : -1;
  }
});
