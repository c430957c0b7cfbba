//! Tests: the examples. `extract`'s view of the bundled sample article and `batch`'s line
//! processing, through the code the examples themselves use (`examples/common/record.rs`).

use quotative::Parser;
use serde_json::Value;

// Also used by the eval tests; a file may be a module only once per crate.
#[path = "../../examples/common/record.rs"]
pub(crate) mod record;

use record::{process_block, process_line, ArticleView, Offsets};

const SAMPLE: &str = include_str!("../../examples/sample_article.txt");

/// The text between two offsets of `text`, counted in bytes or characters.
fn slice(text: &str, start: usize, end: usize, offsets: Offsets) -> Option<&str> {
    match offsets {
        Offsets::Bytes => text.get(start..end),
        Offsets::Chars => {
            let byte = |c: usize| {
                text.char_indices()
                    .map(|(i, _)| i)
                    .chain(std::iter::once(text.len()))
                    .nth(c)
            };
            text.get(byte(start)?..byte(end)?)
        }
    }
}

fn uint(v: &Value, key: &str) -> Option<usize> {
    v.get(key)?.as_u64().map(|n| n as usize)
}

/// Checks every span of a JSON view against `text`: each object with `start`, `end` and
/// `text` must have that text at those offsets, and so must the `content_*` (with `text`),
/// `speaker_*` (with `speaker_mention`) and `cue_*` (with `cue`) triples of quotes and
/// claims. Returns the number of spans checked.
fn check_spans(v: &Value, text: &str, offsets: Offsets, path: &str) -> usize {
    let mut checked = 0;
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                checked += check_spans(item, text, offsets, &format!("{path}[{i}]"));
            }
        }
        Value::Object(map) => {
            let triples = [
                ("start", "end", "text"),
                ("content_start", "content_end", "text"),
                ("speaker_start", "speaker_end", "speaker_mention"),
                ("cue_start", "cue_end", "cue"),
            ];
            for (s, e, t) in triples {
                let (Some(start), Some(end)) = (uint(v, s), uint(v, e)) else {
                    continue;
                };
                let Some(want) = v.get(t).and_then(Value::as_str) else {
                    continue;
                };
                // A marked quote's `start..end` includes its marks; its `text` is the content.
                if s == "start" && map.contains_key("content_start") {
                    continue;
                }
                assert!(start <= end, "{path}.{s}: {start} > {end}");
                assert_eq!(
                    slice(text, start, end, offsets),
                    Some(want),
                    "{path}: {s}..{e} does not hold {t}"
                );
                checked += 1;
            }
            if let (Some(start), Some(end)) = (uint(v, "start"), uint(v, "end")) {
                assert!(
                    slice(text, start, end, offsets).is_some(),
                    "{path}: bad span"
                );
            }
            for (k, item) in map {
                checked += check_spans(item, text, offsets, &format!("{path}.{k}"));
            }
        }
        _ => {}
    }
    checked
}

#[test]
fn extract_view_of_the_sample_has_every_table_and_valid_spans() {
    let article = Parser::new().parse(SAMPLE);
    for offsets in [Offsets::Bytes, Offsets::Chars] {
        let json = serde_json::to_string_pretty(&ArticleView::new(&article, offsets)).unwrap();
        let v: Value = serde_json::from_str(&json).unwrap();
        for key in [
            "offsets",
            "length",
            "headline",
            "headline_repeats",
            "byline",
            "dateline",
            "key_points",
            "sections",
            "paragraphs",
            "quotes",
            "quotations",
            "speakers",
            "claims",
        ] {
            assert!(v.get(key).is_some(), "{key} missing");
        }
        let length = match offsets {
            Offsets::Bytes => SAMPLE.len(),
            Offsets::Chars => SAMPLE.chars().count(),
        };
        assert_eq!(uint(&v, "length"), Some(length));
        assert_ne!(
            SAMPLE.len(),
            SAMPLE.chars().count(),
            "the sample has curly quotes"
        );
        let checked = check_spans(&v, SAMPLE, offsets, "");
        let sentences: usize = article.paragraphs().iter().map(|p| p.sentences.len()).sum();
        assert!(checked >= sentences + article.paragraphs().len());
    }
}

#[test]
fn extract_view_of_the_sample_shows_its_structure() {
    let article = Parser::new().parse(SAMPLE);
    let v = serde_json::to_value(ArticleView::new(&article, Offsets::Bytes)).unwrap();
    let text = |v: &Value| v.get("text").and_then(Value::as_str).map(str::to_owned);
    let texts =
        |v: &Value| -> Vec<String> { v.as_array().unwrap().iter().filter_map(text).collect() };
    assert_eq!(
        text(&v["headline"]).as_deref(),
        Some("Harbour town votes to rebuild its sea wall after record storm surge")
    );
    assert_eq!(
        texts(&v["byline"]["authors"]),
        ["Marta Lindqvist", "Owen Tremaine"]
    );
    assert_eq!(
        text(&v["dateline"]).as_deref(),
        Some("PORT CALDER (Coastline Wire) -")
    );
    let key_points = texts(&v["key_points"]);
    assert_eq!(key_points.len(), 3);
    assert!(key_points[1].starts_with("Mayor Ines Varga says"));
    assert_eq!(texts(&v["sections"]), ["Local News"]);
    // The headline, three key points and twelve body paragraphs; byline and section are not
    // paragraphs.
    let paragraphs = v["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 16);
    assert_eq!(paragraphs[0]["headline"], true);
    let bullets = paragraphs.iter().filter(|p| p["bullet"] == true).count();
    assert_eq!(bullets, 3);
}

#[test]
fn extract_view_of_the_sample_shows_every_kind_of_quote() {
    let article = Parser::new().parse(SAMPLE);
    let v = serde_json::to_value(ArticleView::new(&article, Offsets::Bytes)).unwrap();
    let quotes = v["quotes"].as_array().unwrap();
    for kind in ["direct", "indirect", "mixed"] {
        assert!(quotes.iter().any(|q| q["kind"] == kind), "no {kind} quote");
    }
    // `"…If the water comes over the top," she said, "it has to have somewhere to go."`
    let split = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("somewhere to go"))
        .expect("the split quote");
    let segments = split["segments"].as_array().unwrap();
    assert_eq!(segments.len(), 2);
    let first = &SAMPLE[uint(&segments[0], "start").unwrap()..uint(&segments[0], "end").unwrap()];
    assert!(first.ends_with("over the top,"), "{first:?}");
    assert_eq!(split["speaker_mention"], "she");
    // Reported speech and an according-to source.
    let speakers: Vec<&str> = quotes
        .iter()
        .filter_map(|q| q["speaker_mention"].as_str())
        .collect();
    assert!(
        speakers.contains(&"the regional coast guard"),
        "{speakers:?}"
    );
    // The speaker as written keeps its apposition.
    assert!(
        speakers.contains(&"Dmitri Sorensen, who has fished out of the inner harbour for 31 years"),
        "{speakers:?}"
    );
}

#[test]
fn extract_raw_article_round_trips() {
    let article = Parser::new().parse(SAMPLE);
    let json = serde_json::to_string(&article).unwrap();
    let back: quotative::Article<'_> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, article);
}

/// Runs lines through the batch code on `threads` threads and returns the output lines.
fn batch(lines: &[&[u8]], offsets: Offsets, threads: usize) -> (Vec<Value>, usize) {
    let block = process_block(&Parser::new(), lines, offsets, threads);
    let out = String::from_utf8(block.output).unwrap();
    assert!(out.is_empty() || out.ends_with('\n'));
    let values: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(values.len(), block.lines);
    (values, block.failed)
}

fn line(id: usize, text: &str) -> Vec<u8> {
    serde_json::json!({"id": id, "text": text, "source": "test"})
        .to_string()
        .into_bytes()
}

#[test]
fn batch_reports_bad_lines_and_keeps_going() {
    let good = line(1, SAMPLE);
    let lines: Vec<&[u8]> = vec![
        &good,
        b"{\"id\": 2, \"text\": ",             // not JSON
        b"{\"id\": \"three\"}",                // no text
        b"{\"id\": 4, \"text\": 5}",           // text not a string
        b"{\"id\": 5, \"text\": \"ok \xff\"}", // not UTF-8
        b"   ",                                // blank: skipped
        b"{\"text\": \"No id here.\"}",        // no id: null
    ];
    let (out, failed) = batch(&lines, Offsets::Bytes, 2);
    assert_eq!(failed, 4);
    let ids: Vec<&Value> = out.iter().map(|v| &v["id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from(1),
            &Value::Null,
            &Value::from("three"),
            &Value::from(4),
            &Value::Null,
            &Value::Null
        ]
    );
    for (i, v) in out.iter().enumerate() {
        let is_error = (1..=4).contains(&i);
        assert_eq!(v.get("error").is_some(), is_error, "line {i}: {v}");
        if is_error {
            assert!(!v["error"].as_str().unwrap().is_empty());
            assert!(v.get("quotes").is_none());
        } else {
            for table in ["quotes", "quotations", "speakers", "claims"] {
                assert!(v[table].is_array(), "line {i}: {table}");
            }
        }
    }
    assert!(out[4]["error"].as_str().unwrap().contains("UTF-8"));
    assert!(out[2]["error"].as_str().unwrap().contains("text"));
}

#[test]
fn batch_output_is_in_input_order_whatever_the_thread_count() {
    let texts = [
        SAMPLE,
        "\"We are ready,\" Mayor Ann Lee said.",
        "«Да», сказал он. The minister said talks had stalled.",
        "",
        "Officials said the bridge would reopen on Monday, according to the ministry.",
    ];
    let owned: Vec<Vec<u8>> = (0..60)
        .map(|i| {
            if i % 7 == 3 {
                format!("{{\"id\": {i}, \"text\": ").into_bytes()
            } else {
                line(i, texts[i % texts.len()])
            }
        })
        .collect();
    let lines: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
    let (one, failed_one) = batch(&lines, Offsets::Chars, 1);
    for threads in [2, 3, 16] {
        let (many, failed) = batch(&lines, Offsets::Chars, threads);
        assert_eq!(many, one, "{threads} threads");
        assert_eq!(failed, failed_one);
    }
    assert_eq!(failed_one, (0..60).filter(|i| i % 7 == 3).count());
    for (i, v) in one.iter().enumerate() {
        if i % 7 == 3 {
            assert!(v["id"].is_null() && v["error"].is_string());
        } else {
            assert_eq!(v["id"], i);
        }
    }
}

#[test]
fn batch_offsets_in_bytes_and_chars_point_at_the_same_text() {
    let text = "«Да», сказал он.\n\n\"We will not back down,\" Mayor Zoë Lee said on Monday. \
                She said that the bridge would reopen, according to the ministry.";
    for offsets in [Offsets::Bytes, Offsets::Chars] {
        let mut out = Vec::new();
        assert_eq!(
            process_line(&Parser::new(), &line(7, text), offsets, &mut out),
            Some(text.len())
        );
        let v: Value = serde_json::from_slice(&out).unwrap();
        for table in ["quotes", "quotations", "claims"] {
            check_spans(&v[table], text, offsets, table);
        }
        for q in v["quotes"].as_array().unwrap() {
            let (s, e) = (uint(q, "start").unwrap(), uint(q, "end").unwrap());
            let (cs, ce) = (
                uint(q, "content_start").unwrap(),
                uint(q, "content_end").unwrap(),
            );
            assert!(s <= cs && cs <= ce && ce <= e, "{q}");
            assert!(q["rule"].is_string() && q["confidence"].is_number());
        }
        for s in v["speakers"].as_array().unwrap() {
            for m in s["mentions"].as_array().unwrap() {
                let (a, b) = (m[0].as_u64().unwrap(), m[1].as_u64().unwrap());
                assert!(slice(text, a as usize, b as usize, offsets).is_some());
            }
        }
    }
}
