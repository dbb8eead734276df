"""Runtime of @servable/tf-bridge's python backend (standard library only).

The bridge starts `python servable_tf_runtime.py` once per cluster node with:
  TF_CONFIG              the cluster and this node's task (chief = worker 0, then workers, ps)
  SERVABLE_TF_CONTEXT    JSON: mode, node, properties, columns, codings, script, entry function
Rows arrive on stdin and leave on stdout as frames: a uint32 little-endian length, then the
bytes (a CSV line, a JSON value or a serialized tf.Example). End of stdin = end of rows.
Anything the script prints goes to stderr (stdout carries only frames).

Rows are read as their frames arrive (not after end of input): `context.rows()` blocks on the
next frame only when the script asks for the next row.

Streaming inference (SERVABLE_TF_CONTEXT "streaming": true) holds the script to one output row
per input row, in order: asking for the next row before writing the current row's output, or
writing a second output for it, raises RowContractError naming the row. When the process ends,
it writes one control frame (length field 0xFFFFFFFF, then a uint32 LE length and JSON:
{"read", "written", "error", "contract"}) so the bridge knows whether a row was being processed.
"""
import csv
import importlib.util
import io
import json
import os
import struct
import sys
import traceback

_FRAMES_OUT = sys.stdout.buffer
sys.stdout = sys.stderr  # print() from user code must not corrupt the frame stream
_FRAMES_IN = sys.stdin.buffer


def _read_frame():
    header = _FRAMES_IN.read(4)
    if not header:
        return None
    if len(header) < 4:
        raise EOFError("truncated frame header on stdin")
    (length,) = struct.unpack("<I", header)
    payload = _FRAMES_IN.read(length)
    if len(payload) < length:
        raise EOFError("truncated frame on stdin: expected %d bytes, got %d" % (length, len(payload)))
    return payload


def _write_frame(payload):
    # One write (stdout is unbuffered with -u): header and payload in a single syscall.
    _FRAMES_OUT.write(struct.pack("<I", len(payload)) + payload)
    _FRAMES_OUT.flush()


_CONTROL_MARKER = 0xFFFFFFFF


def _write_control(record):
    """The end-of-process control frame of streaming inference (never a row)."""
    payload = json.dumps(record).encode("utf-8")
    try:
        _FRAMES_OUT.write(struct.pack("<II", _CONTROL_MARKER, len(payload)) + payload)
        _FRAMES_OUT.flush()
    except (BrokenPipeError, OSError, ValueError):
        pass


class RowContractError(RuntimeError):
    """A streaming inference function did not write exactly one output row per input row."""


# ---- tf.Example (protobuf) without TensorFlow ----

def _varint(data, pos):
    shift = 0
    result = 0
    while True:
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def _fields(data):
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 2:
            length, pos = _varint(data, pos)
            yield number, wire, data[pos:pos + length]
            pos += length
        elif wire == 0:
            value, pos = _varint(data, pos)
            yield number, wire, value
        elif wire == 5:
            yield number, wire, data[pos:pos + 4]
            pos += 4
        elif wire == 1:
            yield number, wire, data[pos:pos + 8]
            pos += 8
        else:
            raise ValueError("unsupported protobuf wire type %d" % wire)


def decode_example(data):
    """A serialized tf.Example -> {feature name: list of values} (floats, ints or bytes)."""
    out = {}
    for number, _, features in _fields(data):
        if number != 1:
            continue
        for fnum, _, entry in _fields(features):
            if fnum != 1:
                continue
            name, values = None, []
            for enum, _, part in _fields(entry):
                if enum == 1:
                    name = part.decode("utf-8")
                elif enum == 2:
                    for kind, wire, lst in _fields(part):
                        for vnum, vwire, v in _fields(lst):
                            if kind == 1:
                                values.append(v)
                            elif kind == 2:
                                if vwire == 2:
                                    values.extend(struct.unpack("<%df" % (len(v) // 4), v))
                                else:
                                    values.append(struct.unpack("<f", v)[0])
                            elif kind == 3:
                                if vwire == 2:
                                    p = 0
                                    while p < len(v):
                                        n, p = _varint(v, p)
                                        values.append(n - (1 << 64) if n >= 1 << 63 else n)
                                else:
                                    values.append(v - (1 << 64) if v >= 1 << 63 else v)
            out[name] = values
    return out


class Context:
    """What the entry function receives (the Flink-AI-Extended context API)."""

    def __init__(self, spec):
        self._spec = spec
        self.mode = spec["mode"]
        self.columns = spec["columns"]
        self.column_types = spec["columnTypes"]
        self.output_columns = spec["outputCols"]
        self.hyper_params = spec["hyperParams"]
        self._stopped = False
        self._streaming = bool(spec.get("streaming", False))
        self.rows_read = 0
        self.rows_written = 0

    def get_node_type(self):
        return self._spec["nodeType"]

    def get_index(self):
        return self._spec["index"]

    def get_role(self):
        return self._spec["role"]

    def get_property(self, key, default=None):
        return self._spec["properties"].get(key, default)

    def get_properties(self):
        return dict(self._spec["properties"])

    def get_node_type_count_map(self):
        return dict(self._spec["nodeTypeCounts"])

    def get_current_attempt_index(self):
        return self._spec["attempt"]

    def get_tf_config(self):
        return json.loads(os.environ.get("TF_CONFIG", "{}"))

    def stop_node(self):
        self._stopped = True

    def raw_records(self):
        """The input frames as bytes (e.g. for tf.train.Example.FromString)."""
        while not self._stopped:
            if self._streaming and self.rows_written < self.rows_read:
                raise RowContractError(
                    "input row %d of this process: the inference function asked for the next row "
                    "before writing this row's output; streaming inference takes exactly one "
                    "write_row per row read" % (self.rows_read - 1)
                )
            frame = _read_frame()
            if frame is None:
                return
            self.rows_read += 1
            yield frame

    def rows(self):
        """The input rows: lists in column order (csv), dicts (json) or feature dicts (example)."""
        coding = self._spec["coding"]
        for frame in self.raw_records():
            if coding == "json":
                yield json.loads(frame.decode("utf-8"))
            elif coding == "csv":
                yield self._csv_row(frame.decode("utf-8"))
            else:
                yield decode_example(frame)

    def _csv_row(self, line):
        fields = next(csv.reader([line]))
        row = []
        for value, kind in zip(fields, self.column_types):
            if value == "":
                row.append(None)
            elif kind == "vector":
                row.append([float(x) for x in value.split(" ")])
            elif kind == "number":
                row.append(float(value))
            elif kind == "boolean":
                row.append(value == "true")
            else:
                row.append(value)
        return row

    def write_row(self, values):
        """Emits one output row: a list of values, one per output column."""
        coding = self._spec["outputCoding"]
        if coding == "none":
            raise RuntimeError("outputCoding is 'none': this run takes no output rows")
        if self._streaming and self.rows_written >= self.rows_read:
            if self.rows_read == 0:
                raise RowContractError(
                    "the inference function wrote an output row before reading any row; "
                    "streaming inference takes exactly one write_row per row read"
                )
            raise RowContractError(
                "input row %d of this process: the inference function wrote a second output row "
                "for it; streaming inference takes exactly one write_row per row read"
                % (self.rows_read - 1)
            )
        if coding == "json":
            _write_frame(json.dumps(list(values)).encode("utf-8"))
        else:
            buf = io.StringIO()
            csv.writer(buf, lineterminator="").writerow(
                [" ".join(repr(float(x)) for x in v) if isinstance(v, (list, tuple)) else v for v in values]
            )
            _write_frame(buf.getvalue().encode("utf-8"))
        self.rows_written += 1


def main(spec, contexts):
    path = spec["script"]
    module_spec = importlib.util.spec_from_file_location("servable_user_script", path)
    if module_spec is None or module_spec.loader is None:
        sys.stderr.write("cannot load script %s\n" % path)
        return 3
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    entry = getattr(module, spec["entryFunc"], None)
    if not callable(entry):
        sys.stderr.write("script %s has no function %s\n" % (path, spec["entryFunc"]))
        return 3
    context = Context(spec)
    contexts.append(context)
    entry(context)
    if context._streaming and context.rows_written != context.rows_read:
        raise RowContractError(
            "input row %d of this process: the inference function returned without writing this "
            "row's output; streaming inference takes exactly one write_row per row read"
            % (context.rows_read - 1)
        )
    return 0


if __name__ == "__main__":
    spec = json.loads(os.environ["SERVABLE_TF_CONTEXT"])
    contexts = []
    error = None
    contract = False
    try:
        code = main(spec, contexts)
    except BrokenPipeError:
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except BaseException as failure:  # the traceback goes to stderr, which the bridge reports
        traceback.print_exc()
        error = "%s: %s" % (type(failure).__name__, failure)
        contract = isinstance(failure, RowContractError)
        code = 1
    if spec.get("streaming", False):
        ctx = contexts[0] if contexts else None
        _write_control({
            "read": ctx.rows_read if ctx else 0,
            "written": ctx.rows_written if ctx else 0,
            "error": error,
            "contract": contract,
        })
    sys.stderr.flush()
    os._exit(code)
