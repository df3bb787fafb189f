"""Every decimal number in a notebook's prose is backed by a stored output above it.

A markdown cell that says "the loss falls to 0.0017" must sit below a code cell that
printed 0.0017 (or a number that rounds to it, such as 0.00169950): otherwise the text
and the code can drift apart unnoticed. Checked: decimal numbers as written (0.25, .5,
1.50, 95.9%, 1e-8, 10⁻⁶); not checked: integers, numbers inside LaTeX ($...$), code
spans and blocks, links' addresses, URLs, images, headings' numbering ("## 3."),
exercise numbers ("Exercise 5.2", "**5.2**"), and the constants in ``ALLOWED``.

Formatting is normalised: trailing zeros, "1e-08" and "1e-8", "0.5" and ".5", "−" and
"-", a percent sign; the sign itself is ignored (prose often gives a magnitude). A prose
number also matches an output number that rounds to it at the decimals it is written
with, if it has two significant digits or more: 0.916 matches a printed 0.91555, but
0.3 needs a printed 0.3 (or 0.30, ...).
"""

import json
import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))

#: Numbers the prose may state without printing them: constants of the series.
ALLOWED = {
    "0.5",    # the decision threshold (an output is "1" above it) and sigmoid(0)
    "0.25",   # the largest slope of the sigmoid, sigma'(0) = 1/4
    "1e-6",   # eps, the step of the central differences (gradcheck's default)
    "1e-5",   # np.allclose's relative tolerance, the "close" column of notebook 07
    "1e-8",   # np.allclose's absolute tolerance
    "1e-3",   # gradcheck.RELATIVE_FLOOR and WRONG_FROM
}

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_PROSE = re.compile(
    r"(?<![\w.,])"                                   # not inside a word or a longer number
    r"(?:10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"                     # 10⁻⁶
    r"|[−-]?(\d+\.\d+|\.\d+|\d+)([eE][−+-]?\d+)?)"   # 0.25, .5, 1e-8, 2.5e-3, 12
    r"(%?)(?!\w|\.\d)")
#: In outputs numpy also prints "0." and "1.e-08".
_PRINTED = re.compile(r"(?<![\w.])-?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?(?!\w)")
_CUTS = [
    re.compile(r"```.*?```", re.S),                  # code blocks
    re.compile(r"`[^`]*`"),                          # code spans
    re.compile(r"\$\$.*?\$\$", re.S),                # display LaTeX
    re.compile(r"(?<!\\)\$[^$]*\$"),                 # inline LaTeX
    re.compile(r"!\[[^\]]*\]\([^)]*\)"),             # images, alt text included
    re.compile(r"<[^>]+>"),                          # HTML tags
    re.compile(r"\]\([^)]*\)"),                      # link targets (the text stays)
    re.compile(r"https?://\S+"),                     # bare URLs
    re.compile(r"^#+\s*[\d.]+", re.M),               # heading numbers, "## 3." "## 05"
    re.compile(r"\bExercises? \d+\.\d+", re.I),      # "Exercise 5.2", "exercise 3.2"
    re.compile(r"\*\*\d+\.\d+\.?\*\*"),              # "**5.2**" in the solutions
]


def _decimal(digits, exponent=""):
    try:
        return Decimal(digits.replace("−", "-") + exponent.replace("−", "-"))
    except InvalidOperation:
        return None


def prose_numbers(markdown):
    """``[(written, Decimal)]`` for the decimal (non-integer-looking) numbers of prose."""
    for cut in _CUTS:
        markdown = cut.sub(" ", markdown)
    found = []
    for match in _PROSE.finditer(markdown):
        power, digits, exponent, _ = match.groups()
        if power is not None:
            value = Decimal(1).scaleb(int(power.translate(_SUPERSCRIPT)))
        elif "." in digits or exponent:
            value = _decimal(digits, exponent or "")
        else:
            continue  # an integer
        if value is not None:
            found.append((match.group(0), abs(value)))
    return found


def output_numbers(text):
    """Every number, integers included, in an output's text, as positive Decimals."""
    values = set()
    for match in _PRINTED.finditer(text):
        value = _decimal(*match.groups(""))
        if value is not None:
            values.add(abs(value))
    return values


def _backed(value, printed):
    """True if a printed number equals ``value``, or rounds to it at its written decimals."""
    if value in printed:
        return True
    if len(value.normalize().as_tuple().digits) < 2:
        return False  # "0.3" by rounding would match anything printed from 0.25 to 0.35
    unit = Decimal(1).scaleb(value.as_tuple().exponent)
    return any(p.quantize(unit, rounding=mode) == value for p in printed
               for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN)
               if p.adjusted() - unit.adjusted() < 30)  # quantize only what it can hold


def _output_text(cell):
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            yield "".join(output["text"])
        for key in ("text/plain",):
            if key in output.get("data", {}):
                yield "".join(output["data"][key])


#: A markdown cell whose numbers are derived in its own text (hand arithmetic, checked by
#: the check cell after it) says so with this comment; an exercise's statement gives data.
WORKED_IN_TEXT = "<!-- numbers worked out in the text -->"


def _exempt(markdown):
    return WORKED_IN_TEXT in markdown or "**Exercise" in markdown


def unbacked_numbers(notebook):
    """``[(cell index, written number, context)]`` for every prose number not backed."""
    cells = json.loads(Path(notebook).read_text())["cells"]
    printed = {Decimal(n) for n in ALLOWED}
    flagged = []
    for index, cell in enumerate(cells):
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            # What a code cell prints, and the numbers it sets in its source (a rate, a
            # point, a threshold): the reader has seen both by the time the prose quotes them.
            for text in (*_output_text(cell), source):
                printed |= output_numbers(text)
        elif cell["cell_type"] == "markdown" and not _exempt(source):
            for value, written in {v: w for w, v in reversed(prose_numbers(source))}.items():
                if not _backed(value, printed):  # each value once per cell
                    at = source.find(written.strip())
                    context = " ".join(source[max(0, at - 40):at + len(written) + 25].split())
                    flagged.append((index, written.strip(), context))
    return flagged


# -- the extractor itself, on hand-made text ----------------------------------------------
def test_prose_numbers_finds_decimals_and_skips_the_rest():
    text = ("## 3. Results\n**Exercise 5.2.** The loss is 0.25, then .5 and −1.50; 95.9% of 1,000 "
            "seeds, a step of 1e-8 or 10⁻⁶. Integers such as 1500, 07. and (3, 4) are skipped, as "
            "are $x = 0.7$, `0.8`, [a link](https://x.org/v0.9), ![alt 0.6](img.png), **5.3**, "
            "exercise 3.2 and a list:\n2. **Measure**")
    assert [written for written, _ in prose_numbers(text)] == [
        "0.25", ".5", "−1.50", "95.9%", "1e-8", "10⁻⁶"]
    assert [value for _, value in prose_numbers(text)] == [
        Decimal("0.25"), Decimal("0.5"), Decimal("1.50"), Decimal("95.9"), Decimal("1e-8"),
        Decimal("1e-6")]


def test_formatting_and_rounding_are_normalised():
    printed = output_numbers("loss: 0.91555  [0.  2.3]  rel 1e-08  -0.0013  1.e-05  12")
    for prose in ("0.916", "0.9156", "2.30", "1e-8", "0.0013", "1e-05", "12.0"):
        ((_, value),) = prose_numbers(prose)
        assert _backed(value, printed), prose
    for prose in ("0.915", "2.31", "1e-7", "0.0014", "3.5", "0.9"):
        assert all(not _backed(value, printed) for _, value in prose_numbers(prose)), prose


def test_a_number_must_be_printed_above_not_below(tmp_path):
    notebook = tmp_path / "n.ipynb"
    cells = [{"cell_type": "markdown", "source": ["falls to 0.0017"]},
             {"cell_type": "code", "source": ["print(loss)"], "outputs": [
                 {"output_type": "stream", "name": "stdout", "text": ["0.0016995\n"]}]},
             {"cell_type": "markdown", "source": ["so 0.0017 it is"]}]
    notebook.write_text(json.dumps({"cells": cells}))
    assert [(index, number) for index, number, _ in unbacked_numbers(notebook)] == [
        (0, "0.0017")]


# -- the notebooks ---------------------------------------------------------------------------
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_prose_numbers_are_printed_above(notebook):
    flagged = unbacked_numbers(notebook)
    assert not flagged, "numbers in the prose that no output above shows:\n" + "\n".join(
        f"  cell {index}: {number}  ({context})" for index, number, context in flagged)
