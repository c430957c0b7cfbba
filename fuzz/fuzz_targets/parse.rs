//! Arbitrary bytes through `Parser::parse_bytes`, `Parser::parse_bytes_lossy` and, when they
//! are UTF-8, `Parser::parse`; every article must pass the same invariants as the property
//! tests (`tests/integration/props/invariants.rs`).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use quotative::{ErrorKind, Parser, PatternKind, PatternSet};

#[allow(dead_code)]
#[path = "../../tests/integration/props/invariants.rs"]
mod invariants;

use invariants::check_article;

/// A second parser with belief patterns on and an extra abbreviation, to reach the paths the
/// default one does not.
fn belief_parser() -> &'static Parser {
    static PARSER: OnceLock<Parser> = OnceLock::new();
    PARSER.get_or_init(|| {
        let patterns = PatternSet::english()
            .to_builder()
            .kind(PatternKind::Belief, true)
            .build()
            .expect("the English set with beliefs builds");
        Parser::builder()
            .patterns(patterns)
            .abbreviations(["Supt."])
            .build()
            .expect("the options are valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let parser = Parser::new();
    match (std::str::from_utf8(data), parser.parse_bytes(data)) {
        (Ok(text), Ok(article)) => {
            assert_eq!(article.text(), text);
            check_article(&article);
            assert!(
                parser.parse(text) == article,
                "parse and parse_bytes differ"
            );
            check_article(&belief_parser().parse(text));
        }
        (Err(e), Err(err)) => {
            assert_eq!(
                err.kind(),
                &ErrorKind::InvalidUtf8 {
                    offset: e.valid_up_to()
                }
            );
            let article = parser
                .parse_bytes_lossy(data)
                .expect("no size limit is set");
            assert_eq!(article.text(), String::from_utf8_lossy(data));
            check_article(&article);
        }
        (utf8, parsed) => panic!(
            "from_utf8 gave {:?} but parse_bytes gave {:?}",
            utf8.map(str::len),
            parsed.map(|a| a.text().len())
        ),
    }
});
