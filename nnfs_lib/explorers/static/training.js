// The training explorer's front end (notebooks 06 and 08), after common.js.
//
// Python trains and sends `run` (training.py, run_data): the 16 weights after
// every recorded iteration, the loss history, one colour scale for the whole
// run. This module draws iteration `shown` of it and replays the run locally:
// the scrubber and Play need no message to the kernel.

const LOW = -0.1; // the maps cover [LOW, HIGH]² of (x1, x2), as the static figure
const HIGH = 1.1;
const LOSS_WIDTH = 19; // em: diagram (25), loss and predictions (14) fit one row of 850 px

function sigmoid(z) {
  return 1 / (1 + Math.exp(-z));
}

// The 3-4-1 forward pass: w holds weights1 row by row (12), then weights2 (4).
export function forward(w, x1, x2, x3 = 1) {
  const hidden = [0, 1, 2, 3].map((j) => sigmoid(x1 * w[j] + x2 * w[4 + j] + x3 * w[8 + j]));
  const out = sigmoid(hidden.reduce((sum, a, j) => sum + a * w[12 + j], 0));
  return { hidden, out };
}

// The (x1, x2) of pixel (i, j) of an n x n map: x1 to the right, x2 upwards.
export function mapPoint(i, j, n) {
  return [LOW + ((i + 0.5) / n) * (HIGH - LOW), HIGH - ((j + 0.5) / n) * (HIGH - LOW)];
}

// Paint an n x n canvas: unit `unit` (0-3) or the output (4), cividis, with a
// white 0.5 contour on the output map and the four samples on top.
function paintMap(canvas, w, unit, lut, samples) {
  const n = canvas.width;
  const ctx = canvas.getContext("2d");
  const image = ctx.createImageData(n, n);
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const [x1, x2] = mapPoint(i, j, n);
      const f = forward(w, x1, x2);
      values[j * n + i] = unit < 4 ? f.hidden[unit] : f.out;
    }
  }
  for (let k = 0; k < n * n; k++) {
    let rgb = lut[Math.min(255, Math.floor(values[k] * 256))];
    const side = values[k] > 0.5;
    if (unit === 4 && ((k % n < n - 1 && values[k + 1] > 0.5 !== side)
        || (k + n < n * n && values[k + n] > 0.5 !== side))) rgb = [255, 255, 255];
    image.data.set([rgb[0], rgb[1], rgb[2], 255], 4 * k);
  }
  ctx.putImageData(image, 0, 0);
  for (const s of samples || []) {
    const px = ((s.x1 - LOW) / (HIGH - LOW)) * n;
    const py = ((HIGH - s.x2) / (HIGH - LOW)) * n;
    ctx.beginPath();
    ctx.arc(px, py, n / 18, 0, 2 * Math.PI);
    ctx.fillStyle = s.y > 0.5 ? "white" : "black";
    ctx.strokeStyle = s.y > 0.5 ? "black" : "white";
    ctx.lineWidth = n / 60;
    ctx.fill();
    ctx.stroke();
  }
}

// The index of the recorded iteration nearest to `time` (steps are sorted).
function nearest(steps, time) {
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid] < time) lo = mid + 1; else hi = mid;
  }
  return lo > 0 && time - steps[lo - 1] <= steps[lo] - time ? lo - 1 : lo;
}

// The diagram: inputs, hidden units drawn as maps of their activation, the
// output map, edges coloured and sized by weight on the run's one scale.
function diagramMarkup(w, t, run, look, fs) {
  const c = look.colors;
  const inputs = [5, 8.8, 12.6].map((y) => [2, y]);
  const hidden = [4, 7.2, 10.4, 13.6].map((y) => [11.5, y]);
  const out = [21.5, 8.8];
  const [base, growth] = look.edge_width;
  const edge = (x1, y1, x2, y2, weight) => {
    const colour = mapColour(look.weight_map, (weight / run.scale + 1) / 2);
    const width = ((base + (growth * Math.abs(weight)) / run.scale) * fs) / 10;
    return `<line x1="${x1 * fs}" y1="${y1 * fs}" x2="${x2 * fs}" y2="${y2 * fs}" `
      + `stroke="${colour}" stroke-width="${width.toFixed(3)}"/>`;
  };
  const parts = [`<text class="title" x="${12.5 * fs}" y="${1.5 * fs}" text-anchor="middle" `
    + `style="font-size:${look.title_ratio * fs}px">Weights after ${t} iterations</text>`];
  inputs.forEach(([x, y], i) => hidden.forEach(([hx, hy], j) => {
    parts.push(edge(x + 1, y, hx - 1.4, hy, w[4 * i + j]));
  }));
  hidden.forEach(([x, y], j) => parts.push(edge(x + 1.4, y, out[0] - 3, out[1], w[12 + j])));
  inputs.forEach(([x, y], i) => {
    parts.push(`<circle cx="${x * fs}" cy="${y * fs}" r="${fs}" fill="${c.sky}" `
      + `stroke="${c.black}"/><text x="${x * fs}" y="${(y + 0.35) * fs}" `
      + `text-anchor="middle">x${i + 1}</text>`);
  });
  parts.push(`<text x="${2 * fs}" y="${14.6 * fs}" text-anchor="middle">(x3 = 1)</text>`);
  hidden.forEach(([x, y], j) => {
    parts.push(`<text class="halo" x="${(x - 1.3) * fs}" y="${(y - 0.5) * fs}">h${j + 1}</text>`);
  });
  parts.push(`<text x="${out[0] * fs}" y="${(out[1] - 3.4) * fs}" text-anchor="middle">`
    + "output ŷ</text>");
  // The colour bar of the run's scale, from −scale to +scale.
  const stops = look.weight_map.map((colour, k, all) => `<stop offset="${k / (all.length - 1)}" `
    + `stop-color="${colour}"/>`).join("");
  parts.push(`<defs><linearGradient id="${run.id}">${stops}</linearGradient></defs>`
    + `<rect x="${5 * fs}" y="${15.6 * fs}" width="${15 * fs}" height="${0.7 * fs}" `
    + `fill="url(#${run.id})"/>`
    + `<text x="${5 * fs}" y="${17.5 * fs}" text-anchor="middle">${num(-run.scale)}</text>`
    + `<text x="${12.5 * fs}" y="${17.5 * fs}" text-anchor="middle">0 (weight)</text>`
    + `<text x="${20 * fs}" y="${17.5 * fs}" text-anchor="middle">${num(run.scale)}</text>`);
  return parts.join("");
}

// The four predictions against their targets, as bars.
function predictionsMarkup(outputs, run, look, fs) {
  const c = look.colors;
  const width = 14 * fs;
  const top = 3.6 * fs; // room under the title for a value label above a full bar
  const bottom = 15.2 * fs;
  const y = (v) => bottom - v * (bottom - top);
  const parts = [`<text class="title" x="${width / 2}" y="${1.5 * fs}" text-anchor="middle" `
    + `style="font-size:${look.title_ratio * fs}px">Predictions</text>`];
  for (const v of [0, 0.5, 1]) {
    parts.push(`<line class="grid" x1="${2.6 * fs}" x2="${width}" y1="${y(v)}" y2="${y(v)}"/>`
      + `<text x="${2.2 * fs}" y="${y(v) + 0.35 * fs}" text-anchor="end">${v}</text>`);
  }
  outputs.forEach((p, k) => {
    const x = (3 + 2.5 * k) * fs;
    const [x1, x2] = run.inputs[k];
    parts.push(`<rect x="${x}" y="${y(run.targets[k])}" width="${2 * fs}" `
      + `height="${bottom - y(run.targets[k])}" fill="none" stroke="${c.grey}" `
      + `stroke-dasharray="4 3"/><rect x="${x + 0.3 * fs}" y="${y(p)}" width="${1.4 * fs}" `
      + `height="${bottom - y(p)}" fill="${c.blue}"/><text x="${x + fs}" `
      + `y="${Math.max(y(p) - 0.3 * fs, top - 0.2 * fs)}" text-anchor="middle">${p.toFixed(2)}`
      + `</text><text x="${x + fs}" y="${bottom + 1.2 * fs}" text-anchor="middle">`
      + `${x1},${x2}</text>`);
  });
  parts.push(`<text x="${8 * fs}" y="${bottom + 2.6 * fs}" text-anchor="middle">`
    + "x1,x2 (dashed: target)</text>");
  return parts.join("");
}

// The loss marker: a line and a dot at iteration t, its numbers in two lines beside it:
// below the dot while it is high, else in the top of the box, where the curve has fallen away.
function markerMarkup(t, loss, scales, iterations, look, fs) {
  const { sx, sy, box } = scales;
  const x = sx(t);
  const y = Math.min(Math.max(sy(loss), box.top), box.bottom);
  const early = t < 0.7 * Math.max(iterations, 1);
  const high = y < box.top + (box.bottom - box.top) / 3;
  const tx = x + (early ? 0.6 : -0.6) * fs;
  const ty = high ? y + 1.4 * fs : box.top + 1.2 * fs;
  return `<line x1="${x}" x2="${x}" y1="${box.top}" y2="${box.bottom}" `
    + `stroke="${look.colors.grey}" stroke-dasharray="4 3"/><circle cx="${x}" cy="${y}" `
    + `r="${0.35 * fs}" fill="${look.colors.vermillion}"/><text x="${tx}" y="${ty}" `
    + `text-anchor="${early ? "start" : "end"}" class="halo"><tspan x="${tx}">iteration ${t}`
    + `</tspan><tspan x="${tx}" dy="1.2em">loss ${num(loss, 4)}</tspan></text>`;
}

export default {
  render({ model, el }) {
    const ui = frame(el, model, "nnfs-training");
    const look = model.get("look");
    const compact = model.get("compact");
    const send = (name, value) => { model.set(name, value); model.save_changes(); };
    const press = (name) => () => model.send({ press: name });
    let run = null;
    let shown = 0; // index into run.steps
    let lossScales = null;

    // -- controls: the four settings, the buttons, the playback row --------------------
    const settings = {
      iterations: numberControl({ label: "iterations", step: 50, digits: 8,
                                  commit: (v) => send("iterations", Math.round(v)) }),
      learning_rate: numberControl({ label: "learning rate", step: 0.05, log: 10,
                                     commit: (v) => send("learning_rate", v) }),
      seed: numberControl({ label: "random seed", step: 1, digits: 10,
                            commit: (v) => send("seed", Math.round(v)) }),
      init_scale: numberControl({ label: "initial-weight scale", step: 0.1,
                                  commit: (v) => send("init_scale", v) }),
    };
    // Every control change shows the last iteration (Python moves `time` too).
    const toEnd = () => { pause(); if (run) shown = run.steps.length - 1; };
    const log = checkbox("log-scale loss", (on) => { toEnd(); send("log_scale", on); });
    const buttons = h("div", { class: "nnfs-row" },
      button("new random weights", press("new_random_weights"), "the next seed, and its weights"),
      button("all equal", press("all_equal"), "every weight = scale / 2"),
      button("all zero", press("all_zero")), button("reset", press("reset")), log.root);
    const { play, scrubber, speed, pause } = playback({ run: () => run, shown: () => shown,
      show: (k) => { shown = k; drawFrame(); }, nearest: (t) => nearest(run.steps, t),
      commit: (v) => send("time", v), send });
    const playbackRow = h("div", { class: "nnfs-row nnfs-playback" }, play, scrubber.root,
      h("label", { class: "nnfs-check" }, "speed ", speed));
    ui.root.append(h("div", { class: "nnfs-settings" },
      ...Object.values(settings).map((s) => s.root)), buttons, playbackRow);

    // -- the figure ------------------------------------------------------------------------
    const diagram = h("div", { class: "nnfs-diagram" });
    const diagramSvg = svgPanel(1, 1, "network diagram");
    const canvases = [0, 1, 2, 3, 4].map((k) => h("canvas", {
      "aria-hidden": "true", class: k < 4 ? "nnfs-map" : "nnfs-map output" }));
    diagram.append(diagramSvg, ...canvases);
    const lossSvg = svgPanel(1, 1, "loss curve");
    const lossStatic = document.createElementNS("http://www.w3.org/2000/svg", "g");
    const lossMarker = document.createElementNS("http://www.w3.org/2000/svg", "g");
    lossSvg.append(lossStatic, lossMarker);
    const predictionsSvg = svgPanel(1, 1, "predictions");
    const figure = h("div", { class: "nnfs-figure" }, diagram, lossSvg);
    if (!compact) figure.append(predictionsSvg);
    ui.root.append(ui.error, figure, ui.description);

    // -- the 16 weights, in a panel that opens and closes ---------------------------------
    const weightControls = [];
    const range = numberControl({ label: "drag range ±", step: 1, commit: (v) => {
      toEnd();
      drawFrame();
      send("weight_range", v);
    } });
    const grid = h("div", { class: "nnfs-weights" }, h("span"),
      ...[1, 2, 3, 4].map((j) => h("span", { class: "nnfs-head" }, `h${j}`)));
    ["x1 →", "x2 →", "x3 →", "→ ŷ"].forEach((row, i) => {
      grid.append(h("span", { class: "nnfs-head" }, row));
      for (let j = 0; j < 4; j++) {
        const name = i < 3 ? `x${i + 1}→h${j + 1}` : `h${j + 1}→ŷ`;
        const control = numberControl({ label: name, step: 0.01, commit: (v) => {
          if (i < 3) {
            const rows = model.get("weights1").map((r) => r.slice());
            rows[i][j] = v;
            send("weights1", rows);
          } else {
            const column = model.get("weights2").slice();
            column[j] = v;
            send("weights2", column);
          }
        } });
        control.root.classList.add("nnfs-weight");
        weightControls.push(control);
        grid.append(control.root);
      }
    });
    if (!compact) {
      ui.root.append(h("details", { class: "nnfs-panel" }, h("summary", {},
        "Initial weights: weights1 (3×4) and weights2 (4×1), where training starts"),
      range.root, grid));
    }

    // -- drawing -------------------------------------------------------------------------------
    function showControls() {
      const ranges = model.get("ranges");
      for (const [name, control] of Object.entries(settings)) {
        control.set(model.get(name), ...(ranges[name] || [0, 1]));
      }
      log.input.checked = model.get("log_scale");
      const limit = model.get("weight_range");
      range.set(limit, 1, Math.max(20, limit));
      const values = model.get("weights1").flat().concat(model.get("weights2"));
      values.forEach((v, k) => weightControls[k].set(v, -limit, limit));
    }

    function drawAll() {
      const fs = ui.fs();
      if (!run || !(fs > 0)) return; // not on the page yet: the ResizeObserver calls again
      diagramSvg.setAttribute("width", 25 * fs);
      diagramSvg.setAttribute("height", 18.2 * fs);
      const ratio = window.devicePixelRatio || 1;
      canvases.forEach((canvas, k) => {
        const [x, y, side] = k < 4 ? [10.1, 2.6 + 3.2 * k, 2.8] : [18.5, 5.8, 6];
        Object.assign(canvas.style, { left: `${x * fs}px`, top: `${y * fs}px`,
                                      width: `${side * fs}px`, height: `${side * fs}px` });
        canvas.width = canvas.height = Math.round(side * fs * ratio);
      });
      const logScale = model.get("log_scale");
      const loss = run.loss.map((v) => (logScale ? Math.max(v, 1e-300) : v));
      const top = Math.max(...loss);
      const bottom = Math.min(...loss);
      const y = logScale
        ? { min: Math.pow(10, Math.floor(Math.log10(bottom) - 0.2)),
            max: Math.pow(10, Math.ceil(Math.log10(top) + 0.1)), log: true }
        : { min: 0, max: top > 0 ? Math.ceil((top * 1.05) / 0.25) * 0.25 : 1 };
      lossSvg.setAttribute("width", LOSS_WIDTH * fs);
      lossSvg.setAttribute("height", 18.2 * fs);
      lossScales = chart(lossStatic, {
        width: LOSS_WIDTH * fs, height: 18.2 * fs, title: "Loss", titleRatio: look.title_ratio,
        x: { min: 0, max: Math.max(run.iterations, 1), label: "iteration" },
        y: { ...y, label: look.loss_label + (logScale ? " (log)" : "") },
        series: [{ x: Array.from(loss, (_, k) => k * run.stride), y: Array.from(loss),
                   color: look.colors.blue }],
      }, fs);
      predictionsSvg.setAttribute("width", 14 * fs);
      predictionsSvg.setAttribute("height", 18.2 * fs);
      drawFrame();
    }

    function drawFrame() {
      const fs = ui.fs();
      if (!run || !(fs > 0) || !lossScales) return;
      const t = run.steps[shown];
      const w = run.weights.subarray(16 * shown, 16 * shown + 16);
      const loss = run.stepLoss[shown];
      const outputs = run.inputs.map((x) => forward(w, x[0], x[1], x[2]).out);
      diagramSvg.innerHTML = diagramMarkup(w, t, run, look, fs);
      canvases.forEach((canvas, k) => paintMap(canvas, w, k, run.lut, k === 4 ? run.samples : null));
      const shownLoss = model.get("log_scale") ? Math.max(loss, 1e-300) : loss;
      lossMarker.innerHTML = markerMarkup(t, shownLoss, lossScales, run.iterations, look, fs);
      if (!compact) predictionsSvg.innerHTML = predictionsMarkup(outputs, run, look, fs);
      scrubber.set(shown, 0, run.steps.length - 1);
      scrubber.box.value = String(t);
      const text = `Iteration ${t} of ${run.iterations}: loss ${num(loss, 4)}; predictions `
        + `${outputs.map((p) => p.toFixed(3)).join(", ")} for inputs `
        + `${run.inputs.map((x) => `(${x[0]},${x[1]})`).join(", ")} `
        + `(targets ${run.targets.join(", ")}).`;
      ui.description.textContent = text;
      figure.setAttribute("aria-label", text);
      painted(el);
    }

    function readRun() {
      const data = model.get("run");
      if (!data || !data.weights) { run = null; return; }
      const lut = Array.from({ length: 256 }, (_, k) => mapRGB(look.output_map, k / 255));
      run = { steps: data.steps, weights: floats(data.weights), loss: floats(data.loss),
              stepLoss: floats(data.step_loss), stride: data.loss_stride,
              iterations: data.iterations, scale: data.scale, inputs: data.inputs,
              targets: data.targets, lut, id: uniqueId("nnfs-weights"),
              samples: data.inputs.map((x, k) => ({ x1: x[0], x2: x[1], y: data.targets[k] })) };
      shown = nearest(run.steps, model.get("time"));
    }

    // -- what Python changes -------------------------------------------------------------
    const onRun = () => { pause(); readRun(); drawAll(); };
    const onTime = () => {
      if (run && run.steps[shown] !== model.get("time")) {
        shown = nearest(run.steps, model.get("time"));
        drawFrame();
      }
    };
    const events = ["change:run", "change:time", "change:log_scale", "change:ranges",
                    "change:weights1", "change:weights2", "change:weight_range"];
    const handlers = [onRun, onTime, () => { showControls(); drawAll(); }, showControls,
                      showControls, showControls, showControls];
    events.forEach((name, k) => model.on(name, handlers[k]));
    const resized = new ResizeObserver(() => drawAll());
    resized.observe(ui.root);
    el.nnfs = { forward, mapPoint, state: () => ({ shown, run }) }; // for the tests
    showControls();
    readRun();
    drawAll();
    return () => {
      pause();
      resized.disconnect();
      events.forEach((name, k) => model.off(name, handlers[k]));
    };
  },
};
