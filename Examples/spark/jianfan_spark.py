"""Convert or normalize a directory of text or JSON Lines files on Spark, piping each
partition through the `jianfan` binary.

    spark-submit --master local[2] --files jianfan Examples/spark/jianfan_spark.py \
        -c s2twp input/ output/

Every input file is read as its own RDD (lines cut at "\\n" only, so a "\\r" before it stays in
the line and CRLF survives), split into partitions of about --split-mb; the union is piped
through one `jianfan` process per partition (RDD.pipe) and saved as part files in input order
(saveAsTextFile), with `_manifest.tsv` naming the part files of each input. A file's last line
ends without "\\n" exactly when the input's did, so concatenating a file's part files gives
byte for byte what `jianfan` writes for that file on one machine.

The pipe is PySpark's, which splits jianfan's output at "\\n" only; the JVM's RDD.pipe reads
it with readLine, which also cuts at a lone "\\r" and would lose CRLF.

--format jsonl converts one string field of each record (--field, default "text"): the value
is piped as its JSON escape (one line even when the text holds line breaks) and the record is
written back as compact JSON with non-ASCII characters as they are.

--normalize runs `jianfan normalize -` instead, on one partition per file: normalization looks
at the whole document (front matter, line repair), so files are never split.
"""
import argparse
import json
import os
import shlex
import sys
import time

from pyspark import SparkContext, SparkFiles


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a file or a directory of files (not recursive)")
    parser.add_argument("output", help="directory for part-NNNNN files (must not exist)")
    parser.add_argument("-c", "--config", help="OpenCC configuration, e.g. s2t or s2twp")
    parser.add_argument("--format", choices=["text", "jsonl"], default="text")
    parser.add_argument("--field", default="text", help="with --format jsonl: the field to convert")
    parser.add_argument("--normalize", action="store_true", help="run `jianfan normalize` (text only)")
    parser.add_argument("--to", choices=["simplified", "traditional"], help="with --normalize")
    parser.add_argument("--steps", help="with --normalize: e.g. readings,punctuation,script")
    parser.add_argument("--lossy", action="store_true", help="passed to jianfan")
    parser.add_argument("--include-tofu-risk-dictionaries", action="store_true", help="passed to jianfan")
    parser.add_argument("--split-mb", type=float, default=64.0, help="partition size, in MB of input (default 64)")
    parser.add_argument("--binary", default="jianfan",
                        help="an absolute path installed on every node, or the name of a file "
                             "shipped with --files (default: jianfan)")
    arguments = parser.parse_args(argv)
    if arguments.normalize and arguments.format != "text":
        parser.error("--normalize works on text files (each file is one document)")
    if not arguments.normalize and not arguments.config:
        parser.error("-c/--config is required to convert")
    return arguments


def jianfan_command(arguments, binary_path):
    """The command line each partition is piped through; every option is passed as given."""
    words = [binary_path]
    if arguments.normalize:
        words += ["normalize", "-"]
        if arguments.to:
            words += ["--to", arguments.to]
        if arguments.config:
            words += ["-c", arguments.config]
        if arguments.steps:
            words += ["--steps", arguments.steps]
    else:
        words += ["-c", arguments.config]
        if arguments.include_tofu_risk_dictionaries:
            words.append("--include-tofu-risk-dictionaries")
    if arguments.lossy:
        words.append("--lossy")
    return shlex.join(words)


def binary_path(sc, name):
    """Where executors find the binary. A file shipped with --files lands in each executor's
    working directory on a cluster (YARN, Kubernetes, standalone), but in local mode it sits in
    the driver's SparkFiles directory, which the executors (threads of the driver) share."""
    if os.path.isabs(name):
        return name
    if sc.master.startswith("local"):
        return SparkFiles.get(name)
    return "./" + name


def input_files(sc, path):
    """The input files in name order, through Hadoop's file system (local, HDFS, S3A...)."""
    jvm = sc._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    fs = hadoop_path.getFileSystem(sc._jsc.hadoopConfiguration())
    statuses = fs.listStatus(hadoop_path)
    files = sorted(
        (s.getPath().toString(), s.getLen()) for s in statuses
        if s.isFile() and not s.getPath().getName().startswith(("_", "."))
    )
    return fs, files


def file_edges(fs, sc, path, length):
    """Whether the file starts with a UTF-8 byte-order mark, and whether its last byte is "\n"
    (an empty file counts as ending with one)."""
    if length == 0:
        return False, True
    stream = fs.open(sc._jvm.org.apache.hadoop.fs.Path(path))
    try:
        first = [stream.read() for _ in range(min(3, length))]
        stream.seek(length - 1)
        return first == [0xEF, 0xBB, 0xBF], stream.read() == ord("\n")
    finally:
        stream.close()


def restore_bom(index, lines):
    """Hadoop's line reader drops a byte-order mark at the start of a file; jianfan keeps it."""
    for position, line in enumerate(lines):
        yield "\ufeff" + line if index == 0 and position == 0 else line


def read_lines_at_line_feeds_only(sc, whole_files):
    """Makes sc.textFile cut lines at "\\n" only: Hadoop's default also cuts at a lone "\\r"
    and drops the "\\r" of "\\r\\n". With `whole_files`, a file is never split."""
    conf = sc._jsc.hadoopConfiguration()
    conf.set("textinputformat.record.delimiter", "\n")
    if whole_files:
        conf.set("mapreduce.input.fileinputformat.split.minsize", str((1 << 63) - 1))


def lines_of(sc, path, length, split_bytes):
    """The file's lines, in partitions of about `split_bytes` (and at most a file system block:
    32 MB on a local disk, 128 MB on HDFS)."""
    return sc.textFile(path, minPartitions=max(1, -(-length // split_bytes)))


def to_pipe_line(field):
    """A record's field as one line: its JSON escape without the quotes. The only ASCII in
    dictionary keys is capital letters and "-" (B超, SQL注入), which no escape uses, so the
    escape converts exactly as the text it stands for; a record without the field pipes an
    empty line."""
    def extract(line):
        value = json.loads(line).get(field) if line.strip() else None
        return json.dumps(value, ensure_ascii=False)[1:-1] if isinstance(value, str) else ""
    return extract


def from_pipe_line(field):
    def merge(pair):
        line, converted = pair
        if not line.strip():
            return line
        record = json.loads(line)
        if isinstance(record.get(field), str):
            record[field] = json.loads('"' + converted + '"')
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return merge


def drop_final_newlines(sc, output, manifest, without_final_newline):
    """saveAsTextFile ends every line with "\n". For each input whose last line has none, the
    last non-empty part file of its partitions loses its final byte (trailing partitions can be
    empty: a line belongs to the split it starts in)."""
    jvm = sc._jvm
    fs = jvm.org.apache.hadoop.fs.Path(output).getFileSystem(sc._jsc.hadoopConfiguration())
    for first, end, path in manifest:
        if path not in without_final_newline:
            continue
        for index in reversed(range(first, end)):
            part = jvm.org.apache.hadoop.fs.Path(output, "part-%05d" % index)
            length = fs.getFileStatus(part).getLen()
            if length == 0:
                continue
            if fs.getScheme() == "file":
                # The local file system's checksummed layer cannot truncate; its .crc file
                # would no longer match, so it goes.
                local = part.toUri().getPath()
                os.truncate(local, length - 1)
                crc = os.path.join(os.path.dirname(local), ".%s.crc" % os.path.basename(local))
                if os.path.exists(crc):
                    os.remove(crc)
            else:
                fs.truncate(part, length - 1)  # HDFS; stores without truncate raise here
            break


def write_manifest(sc, output, manifest):
    """_manifest.tsv: per input file, its first part file and how many part files it has."""
    text = "".join("%s\tpart-%05d\t%d\n" % (path, first, end - first) for first, end, path in manifest)
    path = sc._jvm.org.apache.hadoop.fs.Path(output, "_manifest.tsv")
    stream = path.getFileSystem(sc._jsc.hadoopConfiguration()).create(path)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()


def main(argv):
    arguments = parse_arguments(argv)
    sc = SparkContext.getOrCreate()
    command = jianfan_command(arguments, binary_path(sc, arguments.binary))
    split_bytes = 1 << 62 if arguments.normalize else max(1, int(arguments.split_mb * 1_000_000))

    read_lines_at_line_feeds_only(sc, whole_files=arguments.normalize)
    fs, files = input_files(sc, arguments.input)
    if not files:
        sys.exit("jianfan_spark: no input files in %s" % arguments.input)
    rdds, manifest, without_final_newline, start = [], [], set(), 0
    for path, length in files:
        rdd = lines_of(sc, path, length, split_bytes)
        has_bom, ends_with_newline = file_edges(fs, sc, path, length)
        if has_bom:
            rdd = rdd.mapPartitionsWithIndex(restore_bom, preservesPartitioning=True)
        if not ends_with_newline:
            without_final_newline.add(path)
        count = rdd.getNumPartitions()
        rdds.append(rdd)
        manifest.append((start, start + count, path))
        start += count
    lines = sc.union(rdds)

    if arguments.format == "jsonl":
        piped = lines.map(to_pipe_line(arguments.field)).pipe(command, checkCode=True)
        result = lines.zip(piped).map(from_pipe_line(arguments.field))
    else:
        result = lines.pipe(command, checkCode=True)

    began = time.monotonic()
    result.saveAsTextFile(arguments.output)
    drop_final_newlines(sc, arguments.output, manifest, without_final_newline)
    write_manifest(sc, arguments.output, manifest)
    seconds = time.monotonic() - began
    megabytes = sum(length for _, length in files) / 1e6
    print("jianfan_spark: %d files (%.1f MB) in %d partitions through `%s`: %.2f s, %.1f MB/s"
          % (len(files), megabytes, start, command, seconds, megabytes / seconds))
    sc.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
