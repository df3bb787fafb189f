// The hidden layer's view of XOR (notebook 08), after common.js.
//
// Python trains a 3-2-1 network once and sends `run` (hidden_view.py, view_data):
// for every iteration the weights, the four points in the hidden plane (h1, h2: the
// activations of hidden units 1 and 2; v1, v2 are the entries of weights2),
// the output neuron's line there, the hidden units' lines in the input plane, the
// predictions and the loss. This module draws iteration `shown` (the hidden plane
// beside the input plane) and replays the run locally: no message to the kernel.
// The colour maps are the only numbers computed here, pixel by pixel, from the weights.

const PANEL = { width: 21.5, height: 21.6, left: 3.8, top: 2.4, side: 16 }; // em
// Where a sample's label may sit from its marker (em, y down: the text's centre), in the
// order preferred. Each label takes the first place whose box stays clear of every marker's
// full extent and of the labels placed before it (else the least overlapped), so that
// points which meet (often (0,1) and (1,0)) keep readable labels.
const PLACES = [[1.6, -0.9], [-1.6, -0.9], [1.6, 1.1], [-1.6, 1.1], [0, -1.5], [0, 1.6],
  [-2.3, 0.1], [2.3, 0.1], [2.4, -1.5], [-2.4, -1.5], [2.4, 1.7], [-2.4, 1.7], [0, -2.6],
  [0, 2.7], [-3.4, 0.1], [3.4, 0.1]];
// Half a label's box ("1,1" at the font size, with its 3 px halo) and half a marker's
// (the circle's radius 0.605 em, the square's 0.55 em, with half the 2.5 px outline), em.
const LABEL_HALF = [1.0, 0.62];
const MARKER_HALF = 0.61;
// The clearance (em) beyond which a place counts as free: the first free place is taken.
const CLEAR = 0.15;

function sigmoid(z) {
  return 1 / (1 + Math.exp(-z));
}

// Paint `canvas` with value(u, v) over box² on the cividis lookup table, u to the right,
// v upwards; `contour`: mark the 0.5 line, black on the 1 side, white on the 0 side.
function paintMap(canvas, box, lut, value, contour) {
  const n = canvas.width;
  const [lo, hi] = box;
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const v = hi - ((j + 0.5) / n) * (hi - lo);
    for (let i = 0; i < n; i++) values[j * n + i] = value(lo + ((i + 0.5) / n) * (hi - lo), v);
  }
  const ctx = canvas.getContext("2d");
  const image = ctx.createImageData(n, n);
  for (let k = 0; k < n * n; k++) {
    let rgb = lut[Math.min(255, Math.floor(values[k] * 256))];
    if (contour) {
      const side = values[k] > 0.5;
      const i = k % n;
      const differs = (i < n - 1 && values[k + 1] > 0.5 !== side)
        || (i > 0 && values[k - 1] > 0.5 !== side)
        || (k + n < n * n && values[k + n] > 0.5 !== side)
        || (k >= n && values[k - n] > 0.5 !== side);
      if (differs) rgb = side ? [0, 0, 0] : [255, 255, 255];
    }
    image.data.set([rgb[0], rgb[1], rgb[2], 255], 4 * k);
  }
  ctx.putImageData(image, 0, 0);
}

// Axes of a panel: the square's frame, ticks 0, 0.5, 1, labels (coloured for the units).
function axesMarkup(title, labels, colours, sx, sy, look, fs) {
  const { left, top, side } = PANEL;
  const parts = [`<text class="title" x="${(left + side / 2) * fs}" y="${1.5 * fs}" `
    + `text-anchor="middle" style="font-size:${look.title_ratio * fs}px">${esc(title)}</text>`,
  `<rect x="${left * fs}" y="${top * fs}" width="${side * fs}" height="${side * fs}" `
    + `fill="none" stroke="${look.colors.black}"/>`];
  for (const v of [0, 0.5, 1]) {
    parts.push(`<line class="axis" x1="${sx(v)}" x2="${sx(v)}" y1="${(top + side) * fs}" `
      + `y2="${(top + side + 0.4) * fs}"/><text x="${sx(v)}" y="${(top + side + 1.5) * fs}" `
      + `text-anchor="middle">${v}</text><line class="axis" x1="${(left - 0.4) * fs}" `
      + `x2="${left * fs}" y1="${sy(v)}" y2="${sy(v)}"/><text x="${(left - 0.6) * fs}" `
      + `y="${sy(v) + 0.35 * fs}" text-anchor="end">${v}</text>`);
  }
  const fill = (c) => (c ? ` style="fill:${c}; font-weight:bold"` : "");
  parts.push(`<text x="${(left + side / 2) * fs}" y="${(top + side + 2.9) * fs}" `
    + `text-anchor="middle"${fill(colours[0])}>${esc(labels[0])}</text>`
    + `<text transform="translate(${1.1 * fs},${(top + side / 2) * fs}) rotate(-90)" `
    + `text-anchor="middle"${fill(colours[1])}>${esc(labels[1])}</text>`);
  return parts;
}

// A line segment [x0, y0, x1, y1] (data units) drawn over a white halo; none if NaN.
function segmentMarkup(seg, sx, sy, colour, width, dash, fs, name) {
  if (!seg.every(Number.isFinite)) return "";
  const d = `M${sx(seg[0])},${sy(seg[1])}L${sx(seg[2])},${sy(seg[3])}`;
  return `<path d="${d}" stroke="white" stroke-width="${width + 3}" fill="none"/>`
    + `<path d="${d}" stroke="${colour}" stroke-width="${width}" fill="none" data-line="${name}"`
    + `${dash ? ' stroke-dasharray="7 4"' : ""}/>`;
}

// The four samples at `points` (data units): blue circles (target 0), orange squares (1),
// labelled x1,x2 at the freest of PLACES inside `square` ([x0, x1, y0, y1] px).
function samplesMarkup(points, run, sx, sy, look, fs, square) {
  const c = look.colors;
  const centres = points.map(([u, v]) => [sx(u), sy(v)]);
  const half = (w, hgt) => [w * fs + 1.25, hgt * fs + 1.25];
  const boxes = centres.map(([x, y]) => [x, y, ...half(MARKER_HALF, MARKER_HALF)]);
  // The gap (px) between two boxes [centre x, centre y, half width, half height]; < 0: overlap.
  const gap = (a, b) => Math.max(Math.abs(a[0] - b[0]) - a[2] - b[2],
    Math.abs(a[1] - b[1]) - a[3] - b[3]);
  const labels = [];
  centres.forEach(([px, py]) => {
    const score = ([dx, dy]) => {
      const box = [px + dx * fs, py + dy * fs, ...half(...LABEL_HALF)];
      const out = box[0] - box[2] < square[0] || box[0] + box[2] > square[1]
        || box[1] - box[3] < square[2] || box[1] + box[3] > square[3];
      return Math.min(CLEAR * fs, ...boxes.concat(labels).map((o) => gap(box, o)))
        - (out ? 0.5 * fs : 0);
    };
    const best = PLACES.reduce((a, b) => (score(b) > score(a) + 1e-9 ? b : a));
    labels.push([px + best[0] * fs, py + best[1] * fs, ...half(...LABEL_HALF)]);
  });
  return centres.map(([px, py], k) => {
    const [u, v] = points[k];
    const r = 0.55 * fs;
    const shape = run.targets[k] > 0.5
      ? `<rect x="${px - r}" y="${py - r}" width="${2 * r}" height="${2 * r}" fill="${c.orange}"`
      : `<circle cx="${px}" cy="${py}" r="${r * 1.1}" fill="${c.blue}"`;
    return `${shape} stroke="${c.black}" stroke-width="2.5" class="nnfs-sample" data-u="${u}" `
      + `data-v="${v}"/>`;
  }).join("") + labels.map(([lx, ly], k) => `<text class="halo" x="${lx}" `
    + `y="${ly + 0.35 * fs}" text-anchor="middle">${run.inputs[k][0]},${run.inputs[k][1]}</text>`)
    .join("");
}

export default {
  render({ model, el }) {
    const ui = frame(el, model, "nnfs-hidden");
    const look = model.get("look");
    const c = look.colors;
    const units = [c.green, c.purple];
    const send = (name, value) => { model.set(name, value); model.save_changes(); };
    let run = null;
    let shown = 0;

    const { play, scrubber, speed, pause } = playback({ run: () => run, shown: () => shown,
      show: (k) => { shown = k; drawFrame(); }, nearest,
      commit: (v) => send("time", Math.round(v)), send });
    const headline = h("p", { class: "nnfs-headline" });
    const panels = ["hidden plane", "input space"].map((name) => {
      const holder = h("div", { class: "nnfs-diagram" });
      const canvas = h("canvas", { "aria-hidden": "true", class: "nnfs-map" });
      const svg = svgPanel(1, 1, name);
      svg.style.position = "relative"; // above the canvas, which is positioned too
      // The input map's 0.5 line is one black and one white pixel: kept crisp when scaled up.
      if (name === "input space") canvas.style.imageRendering = "pixelated";
      holder.append(canvas, svg);
      return { holder, canvas, svg };
    });
    const figure = h("div", { class: "nnfs-figure" }, ...panels.map((p) => p.holder));
    const note = h("p", { class: "nnfs-description" },
      "Colour: the network's output ŷ, dark blue 0 to yellow 1. h₁, h₂: the activations of "
      + "hidden units 1 and 2; v₁, v₂: the entries of weights2. The output neuron has no bias, "
      + "so its line v₁h₁ + v₂h₂ = 0 always passes through the corner (0, 0) of the hidden plane.");
    ui.root.append(h("div", { class: "nnfs-row nnfs-playback" }, play, scrubber.root,
      h("label", { class: "nnfs-check" }, "speed ", speed)), ui.error, headline, figure,
    legend([{ label: "target 0 (circle)", color: c.blue, bar: true },
            { label: "target 1 (square)", color: c.orange, bar: true },
            { label: "output = 0.5", color: c.black },
            { label: "h₁ = 0.5", color: units[0], dash: true },
            { label: "h₂ = 0.5", color: units[1], dash: true }]), note, ui.description);

    function drawFrame() {
      const fs = ui.fs();
      if (!run || !(fs > 0)) return;
      const t = run.steps[shown];
      const row = (name, size) => run[name].subarray(size * shown, size * shown + size);
      const w = row("weights", 8);
      const hidden = row("hidden", 8);
      const outputs = row("outputs", 4);
      const { left, top, side, width, height } = PANEL;
      const ratio = window.devicePixelRatio || 1;
      const scales = (box) => [
        (u) => (left + ((u - box[0]) / (box[1] - box[0])) * side) * fs,
        (v) => (top + side - ((v - box[0]) / (box[1] - box[0])) * side) * fs];
      panels.forEach(({ holder, canvas, svg }) => {
        Object.assign(holder.style, { width: `${width * fs}px`, height: `${height * fs}px` });
        svg.setAttribute("width", width * fs);
        svg.setAttribute("height", height * fs);
        Object.assign(canvas.style, { left: `${left * fs}px`, top: `${top * fs}px`,
                                      width: `${side * fs}px`, height: `${side * fs}px` });
        // Half the screen's resolution, at most 128 pixels a side: the maps are smooth, and
        // two of them repaint within a frame while scrubbing (benchmarks/bench_browser_hidden.py).
        const n = Math.min(128, Math.round((side * fs * ratio) / 2));
        if (canvas.width !== n) canvas.width = canvas.height = n;
      });
      // The hidden plane: the output neuron's map sigmoid(v1 h1 + v2 h2), its line, the points.
      const square = [left, left + side, top, top + side].map((e) => e * fs); // x0, x1, y0, y1
      const [hx, hy] = scales(run.hiddenBox);
      paintMap(panels[0].canvas, run.hiddenBox, run.lut, (h1, h2) => sigmoid(h1 * w[6] + h2 * w[7]));
      const points = [0, 1, 2, 3].map((k) => [hidden[2 * k], hidden[2 * k + 1]]);
      panels[0].svg.innerHTML = axesMarkup("Hidden layer's view (h₁, h₂)", ["h₁ (hidden unit 1)",
        "h₂ (hidden unit 2)"], units, hx, hy, look, fs).join("")
        + segmentMarkup([0.5, run.hiddenBox[0], 0.5, run.hiddenBox[1]], hx, hy, units[0], 2.5, true, fs, "h1-half")
        + segmentMarkup([run.hiddenBox[0], 0.5, run.hiddenBox[1], 0.5], hx, hy, units[1], 2.5, true, fs, "h2-half")
        + segmentMarkup(row("line", 4), hx, hy, c.black, 2.5, false, fs, "output")
        + samplesMarkup(points, run, hx, hy, look, fs, square);
      // The input plane: the network's output and its 0.5 line, each unit's h_j = 0.5 line.
      const [ix, iy] = scales(run.inputBox);
      paintMap(panels[1].canvas, run.inputBox, run.lut, (x1, x2) => sigmoid(
        w[6] * sigmoid(x1 * w[0] + x2 * w[2] + w[4]) + w[7] * sigmoid(x1 * w[1] + x2 * w[3] + w[5])),
      true);
      const lines = row("unit_lines", 8);
      panels[1].svg.innerHTML = axesMarkup("Input space (x₁, x₂)", ["x₁", "x₂"], [null, null], ix, iy,
        look, fs).join("")
        + segmentMarkup(Array.from(lines.subarray(0, 4)), ix, iy, units[0], 2.5, true, fs, "h1")
        + segmentMarkup(Array.from(lines.subarray(4, 8)), ix, iy, units[1], 2.5, true, fs, "h2")
        + samplesMarkup(run.inputs.map((x) => [x[0], x[1]]), run, ix, iy, look, fs, square);
      scrubber.set(shown, 0, run.steps.length - 1);
      scrubber.box.value = String(t);
      const solved = run.solved[shown];
      headline.textContent = `Iteration ${t} of ${run.iterations} · loss ${num(run.loss[shown], 3)}`
        + ` · ${solved ? "one straight line separates the points" : "no line separates them yet"}`;
      const text = `Iteration ${t} of ${run.iterations}: hidden points `
        + run.inputs.map((x, k) => `(${x[0]},${x[1]}) → (${points[k][0].toFixed(2)}, `
          + `${points[k][1].toFixed(2)})`).join(", ")
        + `; output weights ${num(w[6])}, ${num(w[7])}; predictions `
        + `${Array.from(outputs, (p) => p.toFixed(3)).join(", ")} (targets ${run.targets.join(", ")}).`;
      ui.description.textContent = text;
      figure.setAttribute("aria-label", text);
      painted(el);
    }

    function readRun() {
      const data = model.get("run");
      if (!data || !data.weights) { run = null; return; }
      const lut = Array.from({ length: 256 }, (_, k) => mapRGB(look.output_map, k / 255));
      run = { steps: data.steps, iterations: data.iterations, inputs: data.inputs,
              targets: data.targets, solved: data.solved, hiddenBox: data.hidden_box,
              inputBox: data.input_box, lut };
      for (const name of ["weights", "hidden", "outputs", "line", "unit_lines", "loss"]) {
        run[name] = floats(data[name]);
      }
      shown = nearest(model.get("time"));
    }

    function nearest(time) { // steps are 0, 1, ..., iterations: the index is the iteration
      return Math.min(Math.max(Math.round(time), 0), run.steps.length - 1);
    }

    const onRun = () => { pause(); readRun(); drawFrame(); };
    const onTime = () => {
      if (run && run.steps[shown] !== model.get("time")) {
        shown = nearest(model.get("time"));
        drawFrame();
      }
    };
    model.on("change:run", onRun);
    model.on("change:time", onTime);
    const resized = new ResizeObserver(() => drawFrame());
    resized.observe(ui.root);
    el.nnfs = { state: () => ({ shown, run }) }; // for the tests
    readRun();
    drawFrame();
    return () => {
      pause();
      resized.disconnect();
      model.off("change:run", onRun);
      model.off("change:time", onTime);
    };
  },
};
