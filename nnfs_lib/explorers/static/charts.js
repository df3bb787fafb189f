// The front end of the explorers made of sliders (base.py, _ControlsExplorer),
// after common.js: notebooks 03, 04, 05 (small_explorers.py) and 09 (lab.py).
//
// Python sends `controls` (the sliders), `values`, `actions` (buttons) and,
// after every change, `view`: the numbers of the picture. `kind` says which
// picture: the activation curve, one neuron, the loss along one weight, the lab.

// Notebook 03: sigmoid(w·x + b) and its derivative against x.
function drawActivation(panels, view, look, fs, widths) {
  const c = look.colors;
  chart(panels[0], {
    width: widths[0], height: 18 * fs, title: view.title, titleRatio: look.title_ratio,
    x: { min: -6, max: 6, label: "input x" }, y: { min: -0.05, max: 1.05, label: "" },
    series: [{ x: view.x, y: view.sigma, color: c.blue },
             { x: view.x, y: view.derivative, color: c.orange, dash: true }],
  }, fs);
  return `${view.title}: σ(w·x + b) at x = 0 is ${view.sigma[120].toFixed(3)}.`;
}

// Notebook 04: the neuron (left) and where z lands on the sigmoid (right).
function drawNeuron(panels, view, look, fs, widths) {
  const c = look.colors;
  const biggest = Math.max(...view.weights.map(Math.abs), 1e-12);
  const [base, growth] = look.edge_width;
  const parts = [`<text class="title" x="${11 * fs}" y="${1.5 * fs}" text-anchor="middle">`
    + `${esc(view.equation)}</text>`];
  view.inputs.forEach((x, i) => {
    const y = (4.5 + 4.5 * i) * fs;
    const w = view.weights[i];
    parts.push(`<line x1="${4.5 * fs}" y1="${y}" x2="${14 * fs}" y2="${9 * fs}" `
      + `stroke="${mapColour(look.weight_map, (w / biggest + 1) / 2)}" `
      + `stroke-width="${(((base + (growth * Math.abs(w)) / biggest)) * fs) / 10}"/>`
      + `<text class="halo" x="${9 * fs}" y="${(y + 9 * fs) / 2 - 0.4 * fs}" `
      + `text-anchor="middle">w${i + 1} = ${num(w)}</text>`
      + `<circle cx="${3 * fs}" cy="${y}" r="${1.5 * fs}" fill="${c.sky}" stroke="${c.black}"/>`
      + `<text x="${3 * fs}" y="${y + 0.35 * fs}" text-anchor="middle">${num(x)}</text>`
      + `<text x="${3 * fs}" y="${y + 2.6 * fs}" text-anchor="middle">x${i + 1}</text>`);
  });
  parts.push(`<circle cx="${15.5 * fs}" cy="${9 * fs}" r="${1.5 * fs}" fill="#F5F5F5" `
    + `stroke="${c.black}"/><text x="${15.5 * fs}" y="${9.35 * fs}" text-anchor="middle">σ</text>`
    + `<text x="${17.3 * fs}" y="${9.35 * fs}" fill="${c.vermillion}" style="fill:${c.vermillion}">`
    + `a = ${view.output.toFixed(3)}</text>`);
  panels[0].innerHTML = parts.join("");
  chart(panels[1], {
    width: widths[1], height: 18 * fs, title: view.title, titleRatio: 1,
    x: { min: -8, max: 8, label: "z" }, y: { min: -0.05, max: 1.05, label: "" },
    series: [{ x: view.curve_z, y: view.sigma, color: c.blue },
             { x: view.curve_z, y: view.derivative, color: c.orange, dash: true }],
    points: [{ x: Math.min(Math.max(view.z, -8), 8), y: view.output, color: c.vermillion }],
  }, fs);
  return `${view.equation}; ${view.title}.`;
}

// Notebook 05: the loss along one weight, the point and its tangent.
function drawLoss(panels, view, look, fs, widths) {
  const c = look.colors;
  const low = Math.min(...view.losses);
  const high = Math.max(...view.losses);
  const pad = 0.08 * (high - low) + 1e-3;
  chart(panels[0], {
    width: widths[0], height: 19 * fs, title: view.title, titleRatio: 1,
    x: { min: view.grid[0], max: view.grid[view.grid.length - 1],
         label: `${view.name} (all other weights fixed)` },
    y: { min: low - pad, max: high + pad, label: look.loss_label },
    series: [{ x: view.grid, y: view.losses, color: c.blue },
             { x: view.tangent_x, y: view.tangent_y, color: c.vermillion, dash: true }],
    points: [{ x: view.value, y: view.loss, color: c.vermillion }],
  }, fs);
  return `${view.name} = ${num(view.value)}: ${view.title}.`;
}

// Notebook 09: the final losses of all starts (stacked histogram) and a few loss curves.
function drawLab(panels, view, look, fs, widths) {
  const c = look.colors;
  const bars = [];
  view.solved.forEach((n, k) => {
    const [x0, x1] = [view.bins[k], view.bins[k + 1]];
    if (n) bars.push({ x0, x1, y0: 0, y1: n, color: c.blue });
    if (view.failed[k]) {
      bars.push({ x0, x1, y0: n, y1: n + view.failed[k], color: c.vermillion, hatch: true });
    }
  });
  const tallest = Math.max(1, ...view.solved.map((n, k) => n + view.failed[k]));
  const step = Math.pow(10, Math.max(Math.floor(Math.log10(tallest)), 0));
  chart(panels[0], {
    width: widths[0], height: 19 * fs, title: view.hist_title, titleRatio: 1,
    x: { min: view.floor, max: view.top, log: true, label: `final ${look.loss_label} (log)` },
    y: { min: 0, max: (Math.floor(tallest / step) + 1) * step, label: "number of starts" },
    bars,
  }, fs);
  const curves = floats(view.curves);
  const length = view.iterations + 1;
  const steps = Array.from({ length }, (_, k) => k);
  chart(panels[1], {
    width: widths[1], height: 19 * fs, title: view.curves_title, titleRatio: 1,
    x: { min: 0, max: Math.max(view.iterations, 1), label: "iteration" },
    y: { min: view.floor, max: view.top, log: true, label: `${look.loss_label} (log)` },
    series: Array.from({ length: view.curve_count }, (_, k) => ({
      x: steps, y: curves.subarray(k * length, (k + 1) * length),
      color: view.curve_solved[k] ? c.blue : c.vermillion, dash: !view.curve_solved[k],
      width: 1.6 })),
  }, fs);
  return `${view.headline} (${view.subtitle}); ${view.counts}.`;
}

// Each kind: its drawing function, the sizes of its panels (em; a chart narrows to
// the room there is, the neuron's diagram keeps its 22em), its legend.
const KINDS = {
  activation: { draw: drawActivation, sizes: [[30, 18]],
                legend: (c) => [{ label: "σ(w·x + b)", color: c.blue },
                                { label: "σ′(z) at z = w·x + b", color: c.orange, dash: true }] },
  neuron: { draw: drawNeuron, sizes: [[22, 18], [26, 18]],
            legend: (c) => [{ label: "σ(z)", color: c.blue },
                            { label: "σ′(z), its slope", color: c.orange, dash: true }] },
  loss: { draw: drawLoss, sizes: [[34, 19]],
          legend: (c) => [{ label: "loss", color: c.blue },
                          { label: "tangent (slope = gradient)", color: c.vermillion,
                            dash: true }] },
  lab: { draw: drawLab, sizes: [[28, 19], [28, 19]],
         legend: (c) => [{ label: "solves XOR", color: c.blue, bar: true },
                         { label: "fails", color: c.vermillion, bar: true },
                         { label: "loss curve: solves XOR", color: c.blue },
                         { label: "loss curve: fails", color: c.vermillion, dash: true }] },
};

export default {
  render({ model, el }) {
    const ui = frame(el, model, "nnfs-small");
    const look = model.get("look");
    const kind = KINDS[model.get("kind")];
    const send = (name, value) => {
      model.set("values", { ...model.get("values"), [name]: value });
      model.save_changes();
    };
    // Sliders update while dragging: Python answers within a few milliseconds.
    // The lab's sliders retrain on release (continuous false).
    const controls = model.get("controls").map((spec) => numberControl({
      label: spec.label, step: spec.step, digits: 4, log: spec.log,
      preview: spec.continuous ? (v) => send(spec.name, v) : null,
      commit: (v) => send(spec.name, v) }));
    const row = h("div", { class: "nnfs-settings" }, ...controls.map((c) => c.root));
    const buttons = model.get("actions").map((name) =>
      button(name, () => model.send({ press: name })));
    const headline = h("p", { class: "nnfs-headline" });
    if ((model.get("choices") || []).length) { // the loss explorer chooses its weight
      const id = uniqueId("nnfs-control");
      const select = h("select", { id }, ...model.get("choices").map(([label, which], k) =>
        h("option", { value: String(k) }, label)));
      const which = JSON.stringify(model.get("values").which);
      select.value = String(model.get("choices").findIndex(([, w]) => JSON.stringify(w) === which));
      select.addEventListener("change", () => send("which", model.get("choices")[select.value][1]));
      row.prepend(h("div", { class: "nnfs-control" }, h("label", { for: id }, "weight"), select));
    }
    const panels = kind.sizes.map((_, k) => svgPanel(1, 1, `figure ${k + 1}`));
    const figure = h("div", { class: "nnfs-figure nnfs-chart" }, ...panels);
    ui.root.append(row, h("div", { class: "nnfs-row" }, ...buttons), ui.error, headline,
      figure, legend(kind.legend(look.colors)), ui.description);

    function draw() {
      const fs = ui.fs();
      const view = model.get("view");
      if (!(fs > 0) || !view || !Object.keys(view).length) return;
      const values = model.get("values");
      model.get("controls").forEach((spec, k) => controls[k].set(values[spec.name], ...spec.range));
      const room = figure.clientWidth || Infinity;
      const widths = kind.sizes.map(([width]) => Math.min(width * fs, room));
      kind.sizes.forEach(([, height], k) => {
        panels[k].setAttribute("width", widths[k]);
        panels[k].setAttribute("height", height * fs);
      });
      const text = kind.draw(panels, view, look, fs, widths);
      headline.textContent = view.headline ? `${view.headline} · ${view.subtitle}` : "";
      ui.description.textContent = text;
      figure.setAttribute("aria-label", text);
      painted(el);
    }
    const events = ["change:view", "change:controls"];
    events.forEach((name) => model.on(name, draw));
    const resized = new ResizeObserver(() => draw());
    resized.observe(ui.root);
    draw();
    return () => {
      resized.disconnect();
      events.forEach((name) => model.off(name, draw));
    };
  },
};
