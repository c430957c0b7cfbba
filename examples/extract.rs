//! Parses one news article and prints it as pretty JSON: headline, byline, dateline, key
//! points, section labels, paragraphs with their sentences, then the quotations, quotes,
//! speakers and claims, every span with its text.
//!
//! ```text
//! cargo run --release --example extract                 # the bundled sample article
//! cargo run --release --example extract -- story.txt    # a file
//! cat story.txt | cargo run --release --example extract -- -
//! cargo run --release --example extract -- --offsets chars story.txt
//! cargo run --release --example extract -- --raw story.txt   # the Article's own serde form
//! ```
//!
//! Offsets are UTF-8 byte offsets unless `--offsets chars` asks for Unicode characters.

use std::io::{Read, Write};
use std::process::ExitCode;

use quotative::Parser;

#[path = "common/record.rs"]
mod record;

use record::{ArticleView, Offsets};

/// The bundled sample: a made-up wire story.
const SAMPLE: &str = include_str!("sample_article.txt");

const USAGE: &str = "usage: extract [--offsets bytes|chars] [--raw] [FILE | -]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut offsets = Offsets::Bytes;
    let mut raw = false;
    let mut input: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--offsets" => {
                let value = args.next().unwrap_or_default();
                offsets = Offsets::parse(&value)
                    .ok_or_else(|| format!("--offsets takes bytes or chars, not {value:?}"))?;
            }
            "--raw" => raw = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ if input.is_none() => input = Some(arg),
            _ => return Err(format!("one input at most\n{USAGE}")),
        }
    }

    let bytes = match input.as_deref() {
        None => SAMPLE.as_bytes().to_vec(),
        Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            buf
        }
        Some(path) => std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
    };
    let name = input.as_deref().unwrap_or("the sample article");
    let article = Parser::new()
        .parse_bytes(&bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    let json = if raw {
        serde_json::to_string_pretty(&article)
    } else {
        serde_json::to_string_pretty(&ArticleView::new(&article, offsets))
    }
    .map_err(|e| format!("cannot write JSON: {e}"))?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{json}")
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("cannot write to stdout: {e}"))
}
