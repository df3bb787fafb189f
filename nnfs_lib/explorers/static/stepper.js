// The backpropagation stepper's front end (notebooks 04, 06, 07), after common.js.
//
// Python sends `data` (stepper.py, iteration_data): every number of one iteration,
// for all four rows and for each row alone, and `steps` (STEPS): what each step
// lights up and writes where. This module draws step `step` of view `sample`:
// the diagram and the formula with the numbers substituted, in plain SVG and HTML,
// within one frame. Only "next iteration" and "back to iteration 0" ask Python.
// It computes nothing: every number written comes from `data` (data-value holds it).

const R = 1.15; // node radius, em
const INPUTS = [5.6, 11.6, 17.6].map((y) => [1.6, y]);
const HIDDEN = [2.9, 8.7, 14.5, 20.3].map((y) => [16.5, y]);
const OUTPUT = [28.4, 11.6];
const SIZE = [39.8, 23.2]; // the diagram's natural size, em
const EDGE1_AT = 0.75; // an input -> hidden edge's number sits 3/4 of the way to the unit
const GAP = 0.6; // em between the columns of numbers beside a node
// Approximate advance widths (em) of the characters written beside the nodes, to lay out
// the columns (DejaVu Sans, the usual default: 0.64 em a digit).
const ADVANCE = { ".": 0.32, ",": 0.32, "−": 0.84, " ": 0.32, "(": 0.39, ")": 0.39 };
const textWidth = (text) => [...text].reduce((sum, ch) => sum
  + (ch in ADVANCE ? ADVANCE[ch] : /[0-9]/.test(ch) ? 0.64 : 0.62), 0);
const LABELS = { z1: "z₁", a1: "a₁", z2: "z₂", y_hat: "ŷ", d_output: "∂L/∂ŷ", slope2: "σ′(z₂)",
                 delta2: "δ₂", slope1: "σ′(z₁)", delta1: "δ₁" };
const SUB = ["₁", "₂", "₃", "₄"];
const PARTS = { inputs: "the inputs", hidden: "the hidden units", output: "the output",
                edges1: "the input → hidden edges", edges2: "the hidden → output edges" };
const updated = (spec) => spec.edges1 === "new_weights1";
const NOTES = [
  "Ours: x @ weights1, one row per sample. The article writes W¹x for one sample as a "
    + "column, so its W¹ is weights1ᵀ; and it calls the hidden activations z: our a₁, layer1.",
  "The article writes ŷ = σ(W²z): its W² is weights2ᵀ, its z our a₁.",
  "L adds (ŷ − y)² over the four rows. The article writes 2(y − ŷ), minus this slope "
    + "(notebook 07 explains the sign).",
  "σ′(z) = σ(z)(1 − σ(z)), here ŷ(1 − ŷ). δ₂ is ∂L/∂z₂: how the loss answers a change of z₂.",
  "a₁ᵀδ₂ pairs each hidden activation with the output error of the same row, summed over rows.",
  "δ₁ = ∂L/∂z₁: the output's δ₂ sent back along each W₂ edge, times that unit's slope "
    + "a₁(1 − a₁).",
  "xᵀδ₁: a row whose input is 0 adds nothing to that input's four gradients. On the "
    + "diagram, left of each unit, top to bottom: the edges from x₁, x₂, x₃.",
  "The update always uses the gradient of all four rows (the batch), whatever the sample "
    + "selector shows: the library's backprop(). Edges now show the new weights (left of "
    + "each unit, top to bottom: from x₁, x₂, x₃).",
];

// How a number is written: 3 significant digits, or `decimals` places (the loss: 4, as
// the notebooks print it).
const written = (value, decimals) => (decimals === undefined ? num(value)
  : Number(value).toFixed(decimals).replace("-", "−"));

// A number as HTML (or SVG tspan) carrying its exact value, for the tests.
function n(value, tag = "span", decimals = undefined) {
  const places = decimals === undefined ? "" : ` data-decimals="${decimals}"`;
  return `<${tag} class="nnfs-num" data-value="${value}"${places}>${written(value, decimals)}`
    + `</${tag}>`;
}
const loss = (value, tag = "span") => n(value, tag, 4);

const units = ["h1", "h2", "h3", "h4"];
const rowName = (x) => `(${x[0]}, ${x[1]})`;

// The formula of step k (0-7) for view v, with the numbers of `data` substituted.
function formula(k, v, data) {
  const one = v.rows.length === 1;
  const rows = v.x.map(rowName);
  const x = v.x[0];
  const w1 = data.weights1;
  const w2 = data.weights2;
  const lines = [];
  const line = (text) => lines.push(`<div class="nnfs-line">${text}</div>`);
  if (k === 0) {
    line("z₁ = x W₁, a₁ = σ(z₁)");
    if (one) {
      units.forEach((_, j) => line(`h${j + 1}: z = ${x.map((xi, i) => `${n(xi)}·${n(w1[i][j])}`)
        .join(" + ")} = ${n(v.z1[0][j])}, a = σ(${n(v.z1[0][j])}) = ${n(v.a1[0][j])}`));
    } else {
      units.forEach((_, j) => line(`h${j + 1}: z = ${[0, 1, 2].map((i) => `x${SUB[i]}·`
        + `${n(w1[i][j])}`).join(" + ")}, a = σ(z)`));
      line(`Beside each unit: z and a of each sample, one line per input x: ${rows.join(", ")}.`);
    }
  } else if (k === 1) {
    line("z₂ = a₁ W₂, ŷ = σ(z₂)");
    v.rows.forEach((_, r) => line(`${one ? "" : `${rows[r]}: `}z₂ = ${v.a1[r].map((a, j) =>
      `${n(a)}·${n(w2[j])}`).join(" + ")} = ${n(v.z2[r])}, ŷ = σ(${n(v.z2[r])}) = `
      + `${n(v.y_hat[r])}`));
  } else if (k === 2) {
    line(one ? "this row's share of L: (ŷ − y)²; ∂L/∂ŷ = 2(ŷ − y)"
      : "L = Σ (ŷ − y)² over the four rows; ∂L/∂ŷ = 2(ŷ − y)");
    v.rows.forEach((_, r) => line(`${one ? "" : `${rows[r]}: `}ŷ = ${n(v.y_hat[r])}, y = `
      + `${n(v.y[r])}, ∂L/∂ŷ = 2(${n(v.y_hat[r])} − ${n(v.y[r])}) = ${n(v.d_output[r])}`));
    line(`<b>${one ? "this row's (ŷ − y)²" : "L"} = ${loss(v.loss)}</b>`);
  } else if (k === 3) {
    line("δ₂ = ∂L/∂ŷ ⊙ σ′(z₂), σ′(z₂) = ŷ(1 − ŷ)");
    v.rows.forEach((_, r) => line(`${one ? "" : `${rows[r]}: `}σ′(z₂) = ${n(v.y_hat[r])}·(1 − `
      + `${n(v.y_hat[r])}) = ${n(v.slope2[r])}, δ₂ = ${n(v.d_output[r])}·${n(v.slope2[r])} = `
      + `${n(v.delta2[r])}`));
  } else if (k === 4) {
    line(`∂L/∂W₂ = a₁ᵀ δ₂${one ? " (this row's share)" : ": the four rows' shares, added"}`);
    units.forEach((_, j) => line(one
      ? `h${j + 1} → ŷ: ${n(v.a1[0][j])}·${n(v.delta2[0])} = ${n(v.grad2[j])}`
      : `h${j + 1} → ŷ: ${["1", "2", "3", "4"].map((s) => n(data.views[s].grad2[j]))
        .join(" + ")} = ${n(v.grad2[j])}`));
  } else if (k === 5) {
    line("δ₁ = (δ₂ W₂ᵀ) ⊙ σ′(z₁), σ′(z₁) = a₁(1 − a₁)");
    if (one) {
      units.forEach((_, j) => line(`h${j + 1}: ${n(v.delta2[0])}·${n(w2[j])}·${n(v.slope1[0][j])}`
        + ` = ${n(v.delta1[0][j])}`));
    } else {
      units.forEach((_, j) => line(`h${j + 1}: δ₁ = δ₂·${n(w2[j])}·σ′(z₁), each row`));
      line(`Left of each unit: σ′(z₁) and δ₁ of each sample, one line per input x: `
        + `${rows.join(", ")}; δ₂ of each row is step 4's.`);
    }
  } else if (k === 6) {
    line(`∂L/∂W₁ = xᵀ δ₁${one ? ` (this row's share): x = (${x.map((xi) => n(xi)).join(", ")})`
      + " times δ₁"
      : ", each entry the four rows' shares added"}; the edges into each unit:`);
    units.forEach((_, j) => line(`h${j + 1}${one ? ` (δ₁ = ${n(v.delta1[0][j])})` : ""}`
      + ` ← x₁, x₂, x₃: ${[0, 1, 2].map((i) => n(v.grad1[i][j])).join(", ")}`));
  } else {
    line(`W ← W − η ∂L/∂W, η = ${n(data.learning_rate)}, ∂L/∂W of all four rows`);
    const g = data.views.all;
    units.forEach((_, j) => line(`h${j + 1} → ŷ: ${n(w2[j])} − ${n(data.learning_rate)}·`
      + `${n(g.grad2[j])} = ${n(data.new_weights2[j])}`));
    line(`new W₁, e.g. x₁ → h1: ${n(w1[0][0])} − ${n(data.learning_rate)}·${n(g.grad1[0][0])} = `
      + `${n(data.new_weights1[0][0])}; the edges into each unit:`);
    units.forEach((_, j) => line(`h${j + 1} ← x₁, x₂, x₃: ${[0, 1, 2].map((i) =>
      n(data.new_weights1[i][j])).join(", ")}`));
  }
  lines.push(`<div class="nnfs-note">${NOTES[k]}</div>`);
  return lines.join("");
}

// The numbers beside a node, as lines of cells ({ text, value, decimals, bold }): one
// "label = value" line per key for one row; for all rows a small table: a header, then one
// line per row led by its input x (the loss, one number, first).
function nodeLines(keys, v, pick) {
  const one = v.rows.length === 1;
  const scalars = keys.filter((key) => key === "loss");
  const columns = keys.filter((key) => key !== "loss");
  const out = scalars.map((key) => [{ text: `${one ? "(ŷ − y)²" : "L"} = `, value: v[key],
                                      decimals: 4 }]);
  if (one) return out.concat(columns.map((key) => [{ text: `${LABELS[key]} = `,
                                                     value: pick(v[key][0]) }]));
  out.push([{ text: "x", bold: true }, ...columns.map((key) => ({ text: LABELS[key], bold: true }))]);
  return out.concat(v.x.map((x, r) => [{ text: `${x[0]},${x[1]}` },
    ...columns.map((key) => ({ value: pick(v[key][r]) }))]));
}

const cellText = (cell) => (cell.text || "") + (cell.value === undefined ? ""
  : written(cell.value, cell.decimals));

// The lines of cells at (x, y), centred on y: on the right of x with the columns left-aligned,
// or ("left") ending at x with them right-aligned. A column is as wide as its widest cell of a
// table (a line of one cell, the loss, spans them).
function textBlock(x, y, lines, fs, side = "right") {
  const top = y - ((lines.length - 1) * 1.12) / 2 + 0.35;
  const count = Math.max(...lines.map((cells) => cells.length));
  const widths = Array.from({ length: count }, (_, c) => Math.max(0, ...lines
    .filter((cells) => cells.length === count).map((cells) => textWidth(cellText(cells[c])))));
  const edges = [0];
  widths.forEach((w) => edges.push(edges[edges.length - 1] + w + GAP));
  const total = edges[count] - GAP;
  const at = (c) => (side === "left" ? x - total + edges[c] + widths[c] : x + edges[c]);
  const anchor = side === "left" ? ' text-anchor="end"' : "";
  return lines.map((cells, l) => `<text class="halo" y="${(top + 1.12 * l) * fs}"${anchor}>`
    + cells.map((cell, c) => `<tspan x="${(cells.length === 1 && side === "left" ? x
      : at(c)) * fs}"${cell.bold ? ' font-weight="bold"' : ""}>${esc(cell.text || "")}`
      + `${cell.value === undefined ? "" : n(cell.value, "tspan", cell.decimals)}</tspan>`)
      .join("") + "</text>").join("");
}

function diagram(step, v, data, look, fs) {
  const c = look.colors;
  const lit = new Set(step.lit);
  const w1 = updated(step) ? data.new_weights1 : data.weights1;
  const w2 = updated(step) ? data.new_weights2 : data.weights2;
  const scale = Math.max(...data.weights1.flat().map(Math.abs), ...data.weights2.map(Math.abs),
                         1e-12);
  const [base, growth] = look.edge_width;
  const value = (key, i, j) => { const a = v[key] || data[key]; return j === undefined ? a[i] : a[i][j]; };
  const parts = [];
  const edge = ([x1, y1], [x2, y2], weight, on) => {
    const colour = mapColour(look.weight_map, (weight / scale + 1) / 2);
    const width = ((base + (growth * Math.min(Math.abs(weight) / scale, 1.5))) * fs) / 10;
    parts.push(`<line x1="${x1 * fs}" y1="${y1 * fs}" x2="${x2 * fs}" y2="${y2 * fs}" `
      + `stroke="${colour}" stroke-width="${width.toFixed(3)}" opacity="${on ? 1 : 0.25}"/>`);
  };
  INPUTS.forEach((p, i) => HIDDEN.forEach((q, j) => edge(p, q, w1[i][j], lit.has("edges1"))));
  HIDDEN.forEach((q, j) => edge(q, OUTPUT, w2[j], lit.has("edges2")));
  const label = (x, y, number, anchor = "middle") => parts.push(`<text class="halo edge-value" `
    + `x="${x * fs}" y="${(y + 0.35) * fs}" text-anchor="${anchor}">${n(number, "tspan")}</text>`);
  if (step.edges1) { // at the edge's height 3/4 of the way, ending just before the unit
    INPUTS.forEach(([, y], i) => HIDDEN.forEach(([hx, hy], j) => label(
      hx - R - 0.35, y + EDGE1_AT * (hy - y), value(step.edges1, i, j), "end")));
  }
  if (step.edges2) {
    HIDDEN.forEach(([hx, hy], j) => label((hx + OUTPUT[0]) / 2, (hy + OUTPUT[1]) / 2,
                                          value(step.edges2, j)));
  }
  const node = ([x, y], fill, text, on) => parts.push(`<circle cx="${x * fs}" cy="${y * fs}" `
    + `r="${R * fs}" fill="${fill}" stroke="${on ? c.vermillion : c.grey}" stroke-width="${on ? 3 : 1}"`
    + ` opacity="${on ? 1 : 0.55}"/><text x="${x * fs}" y="${(y + 0.35) * fs}" `
    + `text-anchor="middle">${text}</text>`);
  const one = v.rows.length === 1;
  INPUTS.forEach((p, i) => {
    node(p, c.sky, one ? n(v.x[0][i], "tspan") : `x${SUB[i]}`, lit.has("inputs"));
    if (one) {
      parts.push(`<text x="${p[0] * fs}" y="${(p[1] - 1.5) * fs}" text-anchor="middle">`
        + `x${SUB[i]}</text>`);
    }
  });
  HIDDEN.forEach((p, j) => node(p, "#F5F5F5", `h${j + 1}`, lit.has("hidden")));
  node(OUTPUT, c.orange, "ŷ", lit.has("output"));
  if (step.hidden) { // on the side whose edges are not lit: left at step 6 (δ₁ goes back)
    const left = lit.has("edges2") && !lit.has("edges1");
    HIDDEN.forEach(([x, y], j) => parts.push(textBlock(left ? x - R - 0.35 : x + R + 0.4, y,
      nodeLines(step.hidden, v, (row) => row[j]), fs, left ? "left" : "right")));
  }
  if (step.output) {
    parts.push(textBlock(OUTPUT[0] + R + 0.4, OUTPUT[1], nodeLines(step.output, v, (r) => r), fs));
  }
  if (one) {
    parts.push(`<text class="halo" x="${(OUTPUT[0] - 0.4) * fs}" y="${(OUTPUT[1] + R + 1.3) * fs}">`
      + `target y = ${n(v.y[0], "tspan")}</text>`);
  }
  return parts.join("");
}

export default {
  render({ model, el }) {
    const ui = frame(el, model, "nnfs-stepper");
    const look = model.get("look");
    let step = model.get("step");
    let sample = model.get("sample");
    const send = (name, value) => { model.set(name, value); model.save_changes(); };
    const go = (k) => { step = Math.min(Math.max(k, 1), model.get("steps").length); draw(); send("step", step); };
    const previous = button("◀ previous", () => go(step - 1), "the step before");
    const next = button("next ▶", () => go(step + 1), "the next step");
    const restart = button("restart (step 1)", () => go(1), "back to step 1 of this iteration");
    const id = uniqueId("nnfs-control");
    const select = h("select", { id });
    select.addEventListener("change", () => { sample = select.value; draw(); send("sample", sample); });
    const press = (name) => () => model.send({ press: name });
    const iterate = button("next iteration", press("next_iteration"),
                           "take the update (the library's backprop) and start again at step 1");
    const reset = button("back to iteration 0", press("reset"), "the starting weights again");
    const headline = h("p", { class: "nnfs-headline", "aria-live": "polite" });
    const svg = svgPanel(1, 1, "network diagram of the step");
    const text = h("div", { class: "nnfs-formula" });
    const figure = h("div", { class: "nnfs-figure" }, svg, text);
    ui.root.append(h("div", { class: "nnfs-row" }, previous, next, restart,
      h("label", { for: id, class: "nnfs-check" }, "show "), select),
    h("div", { class: "nnfs-row" }, iterate, reset), ui.error, headline, figure,
    ui.description);

    function options(data) {
      const views = Object.keys(data.views);
      select.replaceChildren(...views.map((name) => h("option", { value: name }, name === "all"
        ? "all four rows (the batch)" : `sample ${name}: x = ${rowName(data.views[name].x[0])}, `
          + `y = ${data.views[name].y[0]}`)));
      select.value = sample;
    }

    function draw() {
      const fs = ui.fs();
      const data = model.get("data");
      if (!(fs > 0) || !data || !data.views) return;
      const steps = model.get("steps");
      const spec = steps[step - 1];
      const v = data.views[sample];
      const [width, height] = [SIZE[0] * fs, SIZE[1] * fs];
      const room = Math.min(width, figure.clientWidth || width);
      svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
      svg.setAttribute("width", room);
      svg.setAttribute("height", (room / width) * height);
      svg.innerHTML = diagram(spec, v, data, look, fs);
      text.innerHTML = formula(step - 1, v, data);
      const shown = sample === "all" ? `all four rows${spec.sums ? ", summed" : ""}`
        : `sample ${sample}`;
      const after = updated(spec) ? `, after the update: ${written(data.loss_after, 4)}` : "";
      headline.textContent = `Iteration ${data.iteration} · step ${step} of ${steps.length}: `
        + `${spec.title} (${shown}; loss of all four rows ${written(data.views.all.loss, 4)}`
        + `${after})`;
      previous.disabled = step === 1;
      next.disabled = step === steps.length;
      if (select.value !== sample) select.value = sample;
      const where = [spec.hidden && `beside the hidden units: ${spec.hidden.map((k) => LABELS[k])
        .join(", ")}`, spec.output && `beside the output: ${spec.output.map((k) => LABELS[k]
        || "the loss").join(", ")}`, spec.edges1 && "on the input → hidden edges: "
        + (updated(spec) ? "the new W₁" : "∂L/∂W₁"), spec.edges2 && "on the hidden → output "
        + `edges: ${updated(spec) ? "the new W₂" : "∂L/∂W₂"}`].filter(Boolean);
      ui.description.textContent = `Lit: ${spec.lit.map((part) => PARTS[part]).join(", ")}. `
        + `Written ${where.join("; ")}.`;
      figure.setAttribute("aria-label", headline.textContent);
      painted(el);
    }
    const onData = () => {
      step = model.get("step");
      sample = model.get("sample");
      options(model.get("data"));
      draw();
    };
    const onState = () => {
      if (model.get("step") === step && model.get("sample") === sample) return;
      step = model.get("step");
      sample = model.get("sample");
      draw();
    };
    const events = ["change:data", "change:step", "change:sample"];
    const handlers = [onData, onState, onState];
    events.forEach((name, k) => model.on(name, handlers[k]));
    const resized = new ResizeObserver(() => draw());
    resized.observe(ui.root);
    el.nnfs = { state: () => ({ step, sample }), go }; // for the tests
    if (model.get("data").views) options(model.get("data"));
    draw();
    return () => {
      resized.disconnect();
      events.forEach((name, k) => model.off(name, handlers[k]));
    };
  },
};
