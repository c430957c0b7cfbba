//! JSON lines in, JSON lines out: parses one article per input line, on every core.
//!
//! ```text
//! cargo run --release --example batch -- [--offsets bytes|chars] [--threads N]
//!     [--with-beliefs] [--patterns FILE.json] [--quiet] [IN [OUT]]
//! ```
//!
//! `--with-beliefs` switches on the belief, intention and stance patterns (broad
//! attribution, as attribution corpora annotate it).
//!
//! Each input line is a JSON object with at least `"text"` (and usually `"id"`); other fields
//! are ignored, blank lines skipped. Each output line, in input order, holds the `id` and the
//! article's `quotes`, `quotations`, `speakers` and `claims`:
//!
//! ```text
//! {"id": …,
//!  "quotes": [{"kind", "start", "end", "content_start", "content_end", "segments": [{"start", "end"}],
//!              "text", "speaker_id", "speaker", "speaker_start", "speaker_end", "speaker_mention",
//!              "cue", "cue_start", "cue_end", "parent", "rule", "confidence"}],
//!  "quotations": [{"start", "end", "content_start", "content_end", "depth", "parent", "role", "closed"}],
//!  "speakers": [{"id", "name", "kind", "titles", "roles", "mentions": [[start, end], …], "quotes"}],
//!  "claims": [{"speaker_id", "speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
//!              "content_start", "content_end", "text", "quotes", "modality", "hedged", "negated",
//!              "relay", "medium", "addressee", "time", "evidence"}]}
//! ```
//!
//! `start..end` is the whole quote (marks included), `content_*` what was said, `speaker` the
//! speaker's canonical name and `speaker_start..speaker_end` its mention at this quote.
//! Offsets are UTF-8 bytes, or Unicode characters with `--offsets chars` (what Python and the
//! scorer use). A line that is not JSON, or has no string `text`, gives
//! `{"id": …, "error": "…"}` and processing goes on; the exit code is then 1. Usage and I/O
//! errors exit with 2. `IN` and `OUT` default to stdin and stdout (`-` names them too).
//!
//! Lines are read in blocks of 32 MB and spread over `--threads` scoped threads (all cores
//! by default); progress (documents, MB of text, MB/s) goes to stderr after each block and at
//! the end, unless `--quiet`.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[path = "common/record.rs"]
mod record;

use record::{build_parser, process_block, Offsets};

const USAGE: &str = "usage: batch [--offsets bytes|chars] [--threads N] [--with-beliefs] \
                     [--patterns FILE.json] [--quiet] [IN [OUT]]";

/// Input is read and processed in blocks of about this many bytes, so memory stays bounded on
/// archives of any size.
const BLOCK_BYTES: usize = 32 << 20;

struct Options {
    offsets: Offsets,
    threads: usize,
    with_beliefs: bool,
    patterns: Option<PathBuf>,
    quiet: bool,
    input: Option<String>,
    output: Option<String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn options() -> Result<Option<Options>, String> {
    let mut o = Options {
        offsets: Offsets::Bytes,
        threads: std::thread::available_parallelism().map_or(1, usize::from),
        with_beliefs: false,
        patterns: None,
        quiet: false,
        input: None,
        output: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--offsets" => {
                let value = args.next().unwrap_or_default();
                o.offsets = Offsets::parse(&value)
                    .ok_or_else(|| format!("--offsets takes bytes or chars, not {value:?}"))?;
            }
            "--threads" => {
                let value = args.next().unwrap_or_default();
                o.threads =
                    value.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                        format!("--threads takes a positive number, not {value:?}")
                    })?;
            }
            "--with-beliefs" => o.with_beliefs = true,
            "--patterns" => {
                let value = args.next().ok_or("--patterns takes a file")?;
                o.patterns = Some(PathBuf::from(value));
            }
            "--quiet" | "-q" => o.quiet = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ if o.input.is_none() => o.input = Some(arg),
            _ if o.output.is_none() => o.output = Some(arg),
            _ => return Err(format!("too many arguments\n{USAGE}")),
        }
    }
    Ok(Some(o))
}

/// Runs the batch; returns the number of lines that failed.
fn run() -> Result<usize, String> {
    let Some(o) = options()? else {
        return Ok(0);
    };
    let parser = build_parser(o.with_beliefs, o.patterns.as_deref())?;
    let input: Box<dyn Read> = match o.input.as_deref() {
        None | Some("-") => Box::new(std::io::stdin()),
        Some(path) => Box::new(File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?),
    };
    let out_name = o.output.as_deref().unwrap_or("stdout");
    let output: Box<dyn Write> = match o.output.as_deref() {
        None | Some("-") => Box::new(std::io::stdout()),
        Some(path) => {
            Box::new(File::create(path).map_err(|e| format!("cannot create {path}: {e}"))?)
        }
    };
    let mut reader = BufReader::with_capacity(1 << 20, input);
    let mut writer = BufWriter::with_capacity(1 << 20, output);

    let start = Instant::now();
    let mut progress = Progress::default();
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut spare: Vec<Vec<u8>> = Vec::new();
    loop {
        // Read one block of lines, reusing the buffers of the last block.
        let mut block_bytes = 0;
        let mut eof = false;
        while block_bytes < BLOCK_BYTES {
            let mut line = spare.pop().unwrap_or_default();
            line.clear();
            let n = reader
                .read_until(b'\n', &mut line)
                .map_err(|e| format!("cannot read input: {e}"))?;
            if n == 0 {
                eof = true;
                break;
            }
            block_bytes += n;
            lines.push(line);
        }
        if !lines.is_empty() {
            let block = process_block(&parser, &lines, o.offsets, o.threads);
            writer
                .write_all(&block.output)
                .map_err(|e| format!("cannot write to {out_name}: {e}"))?;
            progress.docs += block.lines;
            progress.failed += block.failed;
            progress.bytes += block.text_bytes;
            if !o.quiet && !eof {
                progress.report(start, "");
            }
            spare.append(&mut lines);
        }
        if eof {
            break;
        }
    }
    writer
        .flush()
        .map_err(|e| format!("cannot write to {out_name}: {e}"))?;
    if !o.quiet {
        progress.report(start, "done: ");
    }
    Ok(progress.failed)
}

#[derive(Default)]
struct Progress {
    docs: usize,
    failed: usize,
    bytes: usize,
}

impl Progress {
    fn report(&self, start: Instant, prefix: &str) {
        let secs = start.elapsed().as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let failed = if self.failed > 0 {
            format!(", {} failed", self.failed)
        } else {
            String::new()
        };
        eprintln!(
            "{prefix}{} documents{failed}, {mb:.1} MB of text in {secs:.2} s, {:.1} MB/s",
            self.docs,
            mb / secs.max(1e-9)
        );
    }
}
