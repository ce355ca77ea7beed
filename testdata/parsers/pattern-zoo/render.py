"""Write log lines the way log4j 1.x, logback, log4j2 and Python logging would for a pattern.

A small, independent formatter: it knows the conversion words real configurations use (see
patterns.tsv) and nothing of faultline's own pattern compiler, so a line it writes tests
faultline the way a real application's log would. `render_java` and `render_python` return the
text of one record (with its stack trace or traceback lines) and the fields a reader should get
back from it.
"""
import datetime
import re

# --- dates -----------------------------------------------------------------------------------

NAMED_DATES = {
    "ISO8601": "yyyy-MM-dd HH:mm:ss,SSS",
    "ABSOLUTE": "HH:mm:ss,SSS",
    "DATE": "dd MMM yyyy HH:mm:ss,SSS",
    "DEFAULT": "yyyy-MM-dd HH:mm:ss,SSS",
    "ISO8601_BASIC": "yyyyMMdd'T'HHmmss,SSS",
}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def simple_date_format(fmt, t):
    """Java SimpleDateFormat (and log4j2's FixedDateFormat, the same letters) for datetime t."""
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "'":
            j = fmt.index("'", i + 1)
            out.append(fmt[i + 1 : j] if j > i + 1 else "'")
            i = j + 1
            continue
        if not c.isalpha():
            out.append(c)
            i += 1
            continue
        j = i
        while j < len(fmt) and fmt[j] == c:
            j += 1
        n = j - i
        i = j
        if c in "yY":
            out.append(f"{t.year % 100:02d}" if n == 2 else f"{t.year:04d}")
        elif c == "M":
            out.append(MONTHS[t.month - 1] if n == 3 else f"{t.month:0{n}d}")
        elif c == "d":
            out.append(f"{t.day:0{n}d}")
        elif c == "H":
            out.append(f"{t.hour:0{n}d}")
        elif c == "h":
            out.append(f"{(t.hour % 12) or 12:0{n}d}")
        elif c == "m":
            out.append(f"{t.minute:0{n}d}")
        elif c == "s":
            out.append(f"{t.second:0{n}d}")
        elif c == "S":
            out.append(f"{t.microsecond // 1000:03d}"[:n] if n <= 3 else f"{t.microsecond // 1000:03d}")
        elif c == "a":
            out.append("AM" if t.hour < 12 else "PM")
        elif c == "E":
            out.append(DAYS[t.weekday()])
        elif c in "Zz":
            off = t.utcoffset() or datetime.timedelta(0)
            minutes = int(off.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            minutes = abs(minutes)
            out.append(f"{sign}{minutes // 60:02d}{minutes % 60:02d}")
        elif c == "X":
            off = t.utcoffset() or datetime.timedelta(0)
            minutes = int(off.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            minutes = abs(minutes)
            out.append(f"{sign}{minutes // 60:02d}:{minutes % 60:02d}")
        else:
            raise ValueError(f"date letter {c!r} not handled")
    return "".join(out)


def date_shows(fmt):
    """(has a calendar date, has an offset, has milliseconds) of a SimpleDateFormat."""
    letters = re.sub(r"'[^']*'", "", fmt)
    return ("d" in letters and "M" in letters), bool(re.search(r"[ZzX]", letters)), "S" in letters


# --- Java pattern layouts ----------------------------------------------------------------------

# one conversion: %[-][min][.[-]max]word[{arg}][{arg}]
CONVERSION = re.compile(r"%(-?)(\d*)(?:\.(-?\d+))?([a-zA-Z]+)((?:\{[^}]*\})*)")
COLOUR_WORDS = {"highlight", "gray", "cyan", "green", "red", "blue", "yellow", "magenta",
                "white", "black", "boldRed", "boldGreen", "boldBlue", "boldCyan", "boldYellow",
                "boldMagenta", "boldWhite", "style", "clr"}


def java_logger(name, arg, style):
    if not arg:
        return name
    if arg.endswith("."):
        parts = name.split(".")
        return ".".join([p[0] for p in parts[:-1]] + [parts[-1]])
    n = int(arg)
    parts = name.split(".")
    if style == "log4j":  # right-most n components
        return ".".join(parts[-n:]) if n > 0 else name
    # logback: shorten packages to their first letter, left to right, until it fits in n
    if n == 0:
        return parts[-1]
    if len(name) <= n:
        return name
    out = list(parts)
    for k in range(len(parts) - 1):
        out[k] = parts[k][0]
        if len(".".join(out)) <= n:
            break
    return ".".join(out)


def pad(text, left, width, maxw):
    if maxw:
        m = int(maxw)
        if m < 0:
            text = text[:-m]  # log4j2 %.-N: keep the left N
        elif len(text) > m:
            text = text[len(text) - m :]  # log4j: keep the right N
    if width:
        w = int(width)
        text = text.ljust(w) if left else text.rjust(w)
    return text


def render_java(pattern, rec, t, style, relative_ms, nested=False):
    """One record written with a log4j/logback/log4j2 pattern.

    style: 'log4j' or 'logback' (only changes %c{n}). Returns (text, fields) where fields has
    level, logger, thread, message as a reader should see them.
    """
    fields = {"logger": "", "thread": "", "message": rec["message"]}
    out = []
    pos = 0
    trace_done = False
    p = pattern
    while pos < len(p):
        c = p[pos]
        if c == "\\" and pos + 1 < len(p) and p[pos + 1] == "n":
            out.append("\n")
            pos += 2
            continue
        if c != "%":
            out.append(c)
            pos += 1
            continue
        if p.startswith("%%", pos):
            out.append("%")
            pos += 2
            continue
        m = CONVERSION.match(p, pos)
        if not m:
            raise ValueError(f"cannot read {p[pos:]!r}")
        left, width, maxw, word, args = m.groups()
        pos = m.end()
        arg_list = re.findall(r"\{([^}]*)\}", args)
        arg = arg_list[0] if arg_list else ""
        if word in COLOUR_WORDS or word == "maxLen":
            # %highlight(...) / %maxLen{%m}{512}: the inner text, uncoloured
            if word == "maxLen":
                inner = arg
            else:
                depth = 0
                start = pos
                for k in range(pos, len(p)):
                    if p[k] == "(":
                        depth += 1
                    elif p[k] == ")":
                        depth -= 1
                        if depth == 0:
                            break
                inner = p[start + 1 : k]
                pos = k + 1
                if pos < len(p) and p[pos] == "{":
                    pos = p.index("}", pos) + 1
            text, sub = render_java(inner, rec, t, style, relative_ms, nested=True)
            for key in ("logger", "thread"):
                if sub[key]:
                    fields[key] = sub[key]
            out.append(pad(text, left, width, maxw))
            continue
        if word in ("d", "date"):
            fmt = NAMED_DATES.get(arg or "ISO8601", arg or "ISO8601")
            tz = arg_list[1] if len(arg_list) > 1 else ""
            shown = t
            if tz:
                shown = t.astimezone(datetime.timezone.utc)
            text = simple_date_format(fmt, shown)
        elif word in ("p", "level", "le"):
            text = rec["level"]
        elif word in ("c", "logger", "lo"):
            text = java_logger(rec["logger"], arg, style)
            fields["logger"] = pad(text, left, "", maxw)
        elif word in ("C", "class"):
            text = java_logger(rec["logger"], arg, "log4j")
            if not fields["logger"]:
                fields["logger"] = pad(text, left, "", maxw)
        elif word in ("t", "thread"):
            text = rec["thread"]
            fields["thread"] = pad(text, left, "", maxw)
        elif word in ("L", "line"):
            text = str(rec["line"])
        elif word in ("M", "method"):
            text = rec["method"]
        elif word in ("F", "file"):
            text = rec["file"]
        elif word == "l":
            text = f"{rec['logger']}.{rec['method']}({rec['file']}:{rec['line']})"
        elif word in ("X", "mdc"):
            text = rec.get("mdc", {}).get(arg, "")
        elif word in ("x", "marker", "kvp", "NDC"):
            text = ""
        elif word == "r":
            text = str(relative_ms)
        elif word in ("m", "msg", "message"):
            text = rec["message"]
        elif word == "n":
            text = "\n"
            if rec.get("trace") and not trace_done and not nested and pos >= len(p):
                text = "\n" + "".join(line + "\n" for line in rec["trace"])
                trace_done = True
        elif word in ("ex", "xEx", "xException", "throwable", "rEx", "exception"):
            text = ""
            if rec.get("trace") and not trace_done and not nested:
                text = "".join(line + "\n" for line in rec["trace"])
                trace_done = True
        else:
            raise ValueError(f"conversion %{word} not handled")
        out.append(pad(text, left, width, maxw))
    text = "".join(out)
    if rec.get("trace") and not trace_done and not nested:
        if not text.endswith("\n"):
            text += "\n"
        text += "".join(line + "\n" for line in rec["trace"])
    return text, fields


def java_date_facts(pattern):
    """What the pattern's %d shows: (calendar date, offset, millis); None without a %d."""
    m = re.search(r"%(?:date|d)(?![a-z])((?:\{[^}]*\})*)", pattern)
    if not m:
        return None
    args = re.findall(r"\{([^}]*)\}", m.group(1))
    arg = args[0] if args else "ISO8601"
    fmt = NAMED_DATES.get(arg, arg)
    date, offset, millis = date_shows(fmt)
    return date, offset or len(args) > 1, millis


# --- Python logging ----------------------------------------------------------------------------

PY_FIELD = re.compile(r"%\((\w+)\)(-?\d*)(\.\d+)?([sdf])")


def render_python(fmt, datefmt, rec, t, process_id):
    fields = {"logger": "", "thread": "", "message": rec["message"]}

    def value(name):
        if name == "asctime":
            if datefmt:
                return t.strftime(datefmt)
            return t.strftime("%Y-%m-%d %H:%M:%S") + f",{t.microsecond // 1000:03d}"
        if name == "levelname":
            return rec["level"]
        if name == "name":
            fields["logger"] = rec["logger"]
            return rec["logger"]
        if name == "module":
            return rec["module"]
        if name == "filename":
            return rec["file"]
        if name == "funcName":
            return rec["method"]
        if name == "lineno":
            return rec["line"]
        if name == "message":
            return rec["message"]
        if name == "process":
            return process_id
        if name == "thread":
            return 140243717232448
        if name == "threadName":
            fields["thread"] = rec["thread"]
            return rec["thread"]
        if name == "msecs":
            return t.microsecond / 1000
        raise ValueError(f"%({name}) not handled")

    def sub(m):
        name, width, prec, kind = m.groups()
        v = value(name)
        spec = f"{width or ''}{prec or ''}{kind}"
        return ("%" + spec) % v

    text = PY_FIELD.sub(sub, fmt) + "\n"
    if rec.get("trace"):
        text += "".join(line + "\n" for line in rec["trace"])
    return text, fields


def python_date_facts(datefmt):
    if not datefmt:
        return True, False, True
    return ("%d" in datefmt or "%j" in datefmt), ("%z" in datefmt), False
