// What every explorer's front end shares: controls, scales, an SVG chart, colours.
//
// base.py joins this file and the explorer's own module (training.js, small.js,
// lab.js) into one ES module, the widget's _esm: nothing is fetched at run time.
// Python computes every number; these functions only draw what it sends.
// Sizes are in multiples of the font size `fs` (JupyterLab's content font,
// --jp-content-font-size1), so that the drawing grows with it and stays crisp.

const SVG_NS = "http://www.w3.org/2000/svg";

// The elements that take the keyboard. JupyterLab's and Notebook 7's shortcuts
// (lumino's) ignore keys pressed in one marked data-lm-suppress-shortcuts: arrows
// move a focused slider instead of moving between cells, Space presses a button.
const CONTROL_TAGS = ["input", "select", "button", "summary"];

// An HTML element with attributes and children: h("div", {class: "x"}, child, ...).
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  if (CONTROL_TAGS.includes(tag)) node.setAttribute("data-lm-suppress-shortcuts", "true");
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

// An SVG element of the given pixel size (`label` is what a screen reader says).
export function svgPanel(width, height, label) {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  return svg;
}

// A number as text: 3 significant digits, a real minus sign.
export function num(value, digits = 3) {
  let text = Number(value).toPrecision(digits);
  if (text.includes(".")) text = text.replace(/\.?0+$/, "").replace(/\.?0+e/, "e");
  if (Math.abs(value) >= 1 && Math.abs(value) < 1e7 && Number.isInteger(Number(value))) {
    text = String(value); // toPrecision writes 1500 as 1.50e+3 with 3 digits
  }
  return text.replace("-", "−");
}

// Text safe inside SVG markup.
export function esc(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Float64 values from the bytes Python sent (a DataView), copied to be aligned.
export function floats(view) {
  return new Float64Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

// -- controls ------------------------------------------------------------------------
// Every widget loads its own copy of this module, so a counter alone would repeat
// ids across explorers (a <label for> would then name another explorer's slider).
const PAGE_UNIQUE = Math.random().toString(36).slice(2, 8);
let uid = 0;

// An id no other element of the page has: `${kind}-<random>-<n>`.
export function uniqueId(kind) {
  return `${kind}-${PAGE_UNIQUE}-${++uid}`;
}

// A labelled slider with a box that can be typed into. The slider covers
// [min, max] (log10 or log2 of the value when `log` is 10 or 2); a value typed
// outside is sent as it is, and Python widens the range. `commit(value)` runs
// on release, on arrow keys and on Enter in the box; `preview(value)` while dragging
// (`sliderCommits: false`: only the box commits, the caller handles the slider).
export function numberControl({ label, step, log = 0, digits = 3, commit, preview,
                                sliderCommits = true }) {
  const id = uniqueId("nnfs-control");
  const slider = h("input", { type: "range", id, step: String(step) });
  const box = h("input", { type: "number", "aria-label": `${label} (type a value)`,
                           step: "any", class: "nnfs-box" });
  const toSlider = (v) => (log ? Math.log(v) / Math.log(log) : v);
  const fromSlider = (s) => (log ? Math.pow(log, s) : s);
  const shown = (v) => Number(Number(v).toPrecision(digits));
  slider.addEventListener("input", () => {
    box.value = shown(fromSlider(Number(slider.value)));
    if (preview) preview(Number(box.value));
  });
  slider.addEventListener("change", () => {
    if (sliderCommits) commit(shown(fromSlider(Number(slider.value))));
  });
  box.addEventListener("change", () => {
    if (box.value !== "" && Number.isFinite(Number(box.value))) commit(Number(box.value));
  });
  const root = h("div", { class: "nnfs-control" }, h("label", { for: id }, label), slider, box);
  return {
    root, slider, box,
    // Show `value` on a slider over [min, max] (the value itself, not its log).
    set(value, min, max) {
      slider.min = String(toSlider(min));
      slider.max = String(toSlider(max));
      slider.value = String(toSlider(value));
      if (document.activeElement !== box) box.value = shown(value);
    },
  };
}

// A push button that calls `press()`.
export function button(label, press, title = "") {
  const node = h("button", { type: "button", class: "nnfs-button", title }, label);
  node.addEventListener("click", press);
  return node;
}

// The playback row of a recorded run (training.js, hidden_view.js): Play/Pause, the
// "show iteration" scrubber and the speed menu. Playing advances the step on screen with
// the clock, one picture per animation frame, with no message to the kernel; at the end,
// and when the scrubber is let go, Python is told the iteration shown. `run()` gives
// {steps, iterations} or null; `shown()` and `show(index)` read and draw the index into
// run.steps on screen; `nearest(t)` is the index of iteration t; `commit` takes a typed value.
export const SPEEDS = { slow: 8000, normal: 4000, fast: 2000 }; // ms for a whole run

export function playback({ run, shown, show, nearest, commit, send }) {
  let playing = 0; // the animation frame request, 0 when paused
  const pause = () => {
    if (playing) cancelAnimationFrame(playing);
    playing = 0;
    play.textContent = "▶ Play";
    play.setAttribute("aria-pressed", "false");
  };
  const start = () => {
    const r = run();
    if (!r) return;
    const t0 = r.steps[shown() >= r.steps.length - 1 ? 0 : shown()];
    const begin = performance.now();
    const duration = SPEEDS[speed.value];
    play.textContent = "❚❚ Pause";
    play.setAttribute("aria-pressed", "true");
    const step = (now) => {
      const t = t0 + ((now - begin) / duration) * r.iterations;
      show(nearest(Math.min(t, r.iterations)));
      if (t >= r.iterations) { pause(); send("time", r.steps[shown()]); return; }
      playing = requestAnimationFrame(step);
    };
    playing = requestAnimationFrame(step);
  };
  const play = button("▶ Play", () => (playing ? pause() : start()));
  const scrubber = numberControl({ label: "show iteration", step: 1, digits: 8,
    sliderCommits: false, commit });
  scrubber.slider.addEventListener("input", () => {
    pause();
    show(Number(scrubber.slider.value));
  });
  scrubber.slider.addEventListener("change", () => send("time", run().steps[shown()]));
  const speed = h("select", { "aria-label": "playback speed" },
    ...Object.keys(SPEEDS).map((name) => h("option", { value: name }, name)));
  speed.value = "normal";
  return { play, scrubber, speed, pause };
}

// A labelled checkbox that calls `toggle(checked)`.
export function checkbox(label, toggle) {
  const input = h("input", { type: "checkbox" });
  input.addEventListener("change", () => toggle(input.checked));
  return { root: h("label", { class: "nnfs-check" }, input, " " + label), input };
}

// The widget's frame: font size, a line for errors, a live text description.
export function frame(el, model, className) {
  const root = h("div", { class: `nnfs-explorer ${className}` });
  const error = h("div", { class: "nnfs-error", role: "alert" });
  const description = h("p", { class: "nnfs-description", "aria-live": "polite" });
  el.append(root);
  const showError = () => { error.textContent = model.get("error"); };
  model.on("change:error", showError);
  showError();
  return { root, error, description, fs: () => parseFloat(getComputedStyle(root).fontSize) };
}

// Record that a new picture is on screen: the benchmark and the tests read these.
export function painted(el) {
  el.dataset.painted = String(performance.now());
  el.dataset.frames = String(Number(el.dataset.frames || 0) + 1);
}

// -- colours -----------------------------------------------------------------------
// The colour of `t` in [0, 1] on a map given as evenly spaced "#rrggbb" stops.
export function mapColour(stops, t) {
  const rgb = mapRGB(stops, t);
  return `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;
}

// The same as [r, g, b], 0..255 (for canvas pixels).
export function mapRGB(stops, t) {
  const x = Math.min(Math.max(Number.isFinite(t) ? t : 0.5, 0), 1) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const f = x - i;
  const a = hexRGB(stops[i]);
  const b = hexRGB(stops[i + 1]);
  return a.map((v, k) => Math.round(v + f * (b[k] - v)));
}

function hexRGB(hex) {
  return [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
}

// -- scales and ticks -----------------------------------------------------------------
// A map from data [lo, hi] to pixels [a, b], linear or log10.
export function scale(lo, hi, a, b, log = false) {
  const f = log ? Math.log10 : (v) => v;
  const l = f(lo);
  const span = f(hi) - l || 1;
  return (v) => a + ((f(v) - l) / span) * (b - a);
}

// About `count` round tick values in [lo, hi] (powers of ten on a log axis).
export function ticks(lo, hi, log = false, count = 5) {
  if (log) {
    const out = [];
    const every = Math.max(1, Math.ceil((Math.log10(hi) - Math.log10(lo)) / count));
    for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e += every) {
      out.push(Math.pow(10, e));
    }
    return out;
  }
  const raw = (hi - lo) / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw || 1)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) || power;
  const out = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return out;
}

function tickText(v, log) {
  if (log) return v >= 0.01 && v <= 1000 ? num(v) : `1e${Math.round(Math.log10(v))}`;
  return num(v, 4);
}

// -- the chart -------------------------------------------------------------------------
// Axes, ticks, labels and a title in an SVG of `width` x `height` px, and
// the data inside: `series` (lines), `bars` and `points`. Returns the two scales
// and the plot box, for marks an explorer adds on top. All text is `fs` px or more.
export function chart(svg, spec, fs) {
  const { width, height, x, y } = spec;
  const box = { left: 4.2 * fs, right: width - 1.2 * fs,
                top: (spec.title ? 1.3 + 1.3 * spec.title.split("\n").length : 1) * fs,
                bottom: height - 3 * fs };
  const sx = scale(x.min, x.max, box.left, box.right, x.log);
  const sy = scale(y.min, y.max, box.bottom, box.top, y.log);
  const parts = [];
  for (const v of ticks(x.min, x.max, x.log)) {
    parts.push(`<line class="grid" x1="${sx(v)}" x2="${sx(v)}" y1="${box.top}" `
      + `y2="${box.bottom}"/><text x="${sx(v)}" y="${box.bottom + 1.2 * fs}" `
      + `text-anchor="middle">${esc(tickText(v, x.log))}</text>`);
  }
  for (const v of ticks(y.min, y.max, y.log, 4)) {
    parts.push(`<line class="grid" x1="${box.left}" x2="${box.right}" y1="${sy(v)}" `
      + `y2="${sy(v)}"/><text x="${box.left - 0.4 * fs}" y="${sy(v) + 0.35 * fs}" `
      + `text-anchor="end">${esc(tickText(v, y.log))}</text>`);
  }
  parts.push(`<path class="axis" d="M${box.left},${box.top}V${box.bottom}H${box.right}"/>`);
  parts.push(`<text x="${(box.left + box.right) / 2}" y="${height - 0.5 * fs}" `
    + `text-anchor="middle">${esc(x.label)}</text>`);
  parts.push(`<text transform="translate(${fs},${(box.top + box.bottom) / 2}) rotate(-90)" `
    + `text-anchor="middle">${esc(y.label)}</text>`);
  // A title of one or more lines ("\n"), above the plot box.
  (spec.title ? spec.title.split("\n") : []).forEach((line, k) => {
    parts.push(`<text class="title" x="${width / 2}" y="${(1.5 + 1.3 * k) * fs}" `
      + `text-anchor="middle" style="font-size:${spec.titleRatio * fs}px">${esc(line)}</text>`);
  });
  const clip = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  for (const bar of spec.bars || []) {
    const x0 = sx(bar.x0);
    const top = clip(sy(bar.y1), box.top, box.bottom);
    const bottom = clip(sy(bar.y0), box.top, box.bottom);
    parts.push(`<rect x="${x0}" y="${top}" width="${Math.max(sx(bar.x1) - x0, 0)}" `
      + `height="${bottom - top}" fill="${bar.color}" stroke="white" stroke-width="0.5"`
      + `${bar.hatch ? ' fill-opacity="0.75"' : ""}/>`);
  }
  for (const line of spec.series || []) {
    const d = Array.from(line.y, (v, i) => `${i ? "L" : "M"}${sx(line.x[i]).toFixed(2)},`
      + `${clip(sy(v), box.top - fs, box.bottom + fs).toFixed(2)}`).join("");
    parts.push(`<path d="${d}" fill="none" stroke="${line.color}" `
      + `stroke-width="${line.width || 2.5}"${line.dash ? ' stroke-dasharray="6 4"' : ""}/>`);
  }
  for (const p of spec.points || []) {
    parts.push(`<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="${p.r || 0.4 * fs}" `
      + `fill="${p.color}"/>`);
  }
  svg.innerHTML = parts.join("");
  return { sx, sy, box };
}

// A legend as HTML below a chart: [{label, color, dash, bar}].
export function legend(entries) {
  const items = entries.map((e) => {
    const swatch = h("span", { class: e.bar ? "nnfs-swatch bar" : "nnfs-swatch",
                               style: `${e.bar ? "background" : "border-top-color"}:${e.color};`
                                 + (e.dash ? "border-top-style:dashed" : "") });
    return h("span", { class: "nnfs-legend-item" }, swatch, e.label);
  });
  return h("div", { class: "nnfs-legend" }, ...items);
}
