//! Tests: claims — one per attributed quote, with modality, hedges, negation, relay,
//! medium, addressee, time and evidence notes.

use quotative::{Article, Claim, Modality, Parser, Rule};

fn part<'t>(a: &'t Article<'_>, s: Option<quotative::Span>) -> Option<&'t str> {
    s.map(|s| a.slice(s))
}

/// The claim whose content starts (after `that`) with `words`.
fn claim<'t>(a: &'t Article<'_>, words: &str) -> &'t Claim {
    a.claims()
        .iter()
        .find(|c| {
            a.slice(c.content)
                .trim_start_matches("that ")
                .starts_with(words)
        })
        .unwrap_or_else(|| panic!("no claim begins with {words:?}"))
}

fn speaker<'t>(a: &'t Article<'_>, c: &Claim) -> Option<&'t str> {
    c.speaker
        .and_then(|id| a.speaker(id))
        .map(|s| a.slice(s.name))
}

/// Claims mirror the attributed quotes: one each, same speaker, mention, cue and content.
fn check_consistency(a: &Article<'_>) {
    let attributed: Vec<usize> = a
        .quotes()
        .iter()
        .enumerate()
        .filter(|(_, q)| q.rule != Rule::Unattributed && (q.mention.is_some() || q.cue.is_some()))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(a.claims().len(), attributed.len());
    for (c, &q) in a.claims().iter().zip(&attributed) {
        let quote = &a.quotes()[q];
        assert_eq!(c.quotes.len(), 1);
        assert_eq!(c.quotes[0].index(), q);
        assert_eq!(c.speaker, quote.speaker);
        assert_eq!(c.mention, quote.mention);
        assert_eq!(c.cue, quote.cue);
        assert_eq!(c.content, quote.content);
        for s in [c.relay, c.medium, c.addressee, c.time]
            .into_iter()
            .flatten()
        {
            assert!(a.text().get(s.range()).is_some());
            assert!(
                !quote.segments.iter().any(|x| x.contains(s)),
                "not inside the quote"
            );
        }
        for s in &c.evidence {
            assert!(a.sentences().iter().any(|x| x.span == *s));
        }
    }
}

#[test]
fn relay_time_and_addressee() {
    let text = "Talks in the capital\n\n\
                According to Interfax, Finance Minister Ana Costa stated on Wednesday that the \
                budget was balanced.\n\n\
                Costa told reporters that parliament could still reject it.";
    let a = Parser::new().parse(text);
    check_consistency(&a);
    let c = claim(&a, "the budget was balanced");
    assert_eq!(speaker(&a, c), Some("Ana Costa"));
    assert_eq!(part(&a, c.relay), Some("Interfax"));
    assert_eq!(part(&a, c.time), Some("on Wednesday"));
    assert_eq!(c.modality, Modality::Assertion);
    assert!(!c.hedged);
    let c = claim(&a, "parliament could still reject it");
    assert_eq!(speaker(&a, c), Some("Ana Costa"));
    assert_eq!(part(&a, c.addressee), Some("reporters"));
    assert_eq!(part(&a, c.medium), Some("told reporters"));
    assert!(c.hedged);
}

#[test]
fn a_trailing_source_is_a_relay_not_the_speaker() {
    let text = "Talks in the capital\n\n\
                A senior diplomat expressed hope that the talks could resume soon, according to \
                Reuters.";
    let a = Parser::new().parse(text);
    check_consistency(&a);
    let c = claim(&a, "the talks could resume soon");
    assert_eq!(speaker(&a, c), Some("A senior diplomat"));
    assert_eq!(part(&a, c.relay), Some("Reuters"));
    assert_eq!(c.modality, Modality::Hope);
    assert!(c.hedged);
}

#[test]
fn medium_and_continuations() {
    let text = "Talks in the capital\n\n\
                \"The harbour stays closed,\" Varga wrote on Telegram. \"We will not reopen it \
                this year.\"";
    let a = Parser::new().parse(text);
    check_consistency(&a);
    assert_eq!(a.claims().len(), 2);
    for c in a.claims() {
        assert_eq!(speaker(&a, c), Some("Varga"));
        assert_eq!(part(&a, c.medium), Some("on Telegram"));
    }
}

#[test]
fn negation_in_front_of_the_cue() {
    let text = "Talks in the capital\n\n\
                The mayor did not say that the bridge was safe.\n\n\
                The mayor never said that the bridge was closed.\n\n\
                The mayor said that there was no danger.";
    let a = Parser::new().parse(text);
    check_consistency(&a);
    assert!(claim(&a, "the bridge was safe").negated);
    assert!(claim(&a, "the bridge was closed").negated);
    // "no" in the content alone does not negate the claim.
    assert!(!claim(&a, "there was no danger").negated);
}

#[test]
fn modality_from_the_cue() {
    let text = "Talks in the capital\n\n\
                The mayor denied that the bridge was unsafe.\n\n\
                The mayor warned that the bridge might close.";
    let a = Parser::new().parse(text);
    check_consistency(&a);
    let c = claim(&a, "the bridge was unsafe");
    assert_eq!(c.modality, Modality::Denial);
    assert!(c.negated);
    let c = claim(&a, "the bridge might close");
    assert_eq!(c.modality, Modality::Warning);
    assert!(c.hedged && !c.negated);
}

#[test]
fn evidence_notes_go_to_the_claim_they_comment_on() {
    let text = "Talks in the capital\n\n\
                Tomas Varga said the count was rigged.\n\n\
                He presented no evidence to back up his claim.\n\n\
                Ana Costa said the count was fair.";
    let a = Parser::new().parse(text);
    check_consistency(&a);
    let rigged = claim(&a, "the count was rigged");
    assert_eq!(
        rigged
            .evidence
            .iter()
            .map(|&s| a.slice(s))
            .collect::<Vec<_>>(),
        ["He presented no evidence to back up his claim."]
    );
    assert!(claim(&a, "the count was fair").evidence.is_empty());
}

#[test]
fn claims_stay_consistent_on_odd_input() {
    for text in [
        "",
        "according to",
        "\"Yes,\" said. \"No,\" they said on, \"maybe.\"",
        "He said, according to according to, on on Telegram in a in an interview with.",
        "«Да», сказал он в понедельник. \"Oui,\" a dit Zoë 😀 on X.",
        "He presented no evidence. She offered no evidence. Without providing evidence.",
    ] {
        check_consistency(&Parser::new().parse(text));
    }
}

// ---------------------------------------------------------------------------------------
// The seed article (issue 8)
// ---------------------------------------------------------------------------------------

fn seed() -> Option<String> {
    crate::shared::read("seeds/russia_reset_article.txt")
}

#[test]
fn seed_article_claims() {
    let Some(text) = seed() else { return };
    let a = Parser::new().parse(&text);
    check_consistency(&a);
    let c = claim(&a, "he is unaware");
    assert_eq!(speaker(&a, c), Some("Dmitry Peskov"));
    assert_eq!(part(&a, c.relay), Some("Interfax"));
    assert_eq!(part(&a, c.time), Some("on Wednesday"));
    let c = claim(&a, "we are discussing an unfriendly country");
    assert_eq!(speaker(&a, c), Some("Dmitry Peskov"));
    let c = claim(&a, "he preferred Joe Biden");
    assert_eq!(part(&a, c.time), Some("In February"));
    let c = claim(&a, "Russia had never had any special ties");
    assert_eq!(speaker(&a, c), Some("Vladimir Putin"));
    assert_eq!(part(&a, c.time), Some("In June"));
    let c = claim(&a, "Trump's election win could lead");
    assert_eq!(c.modality, Modality::Hope);
    assert!(c.hedged);
    let c = claim(&a, "Trump is likely to reduce");
    assert_eq!(speaker(&a, c), Some("Dmitry Medvedev"));
    assert!(c.hedged);
    for words in ["As a businessman", "The issue is how much"] {
        let c = claim(&a, words);
        assert_eq!(speaker(&a, c), Some("Dmitry Medvedev"));
        assert!(
            part(&a, c.medium).is_some_and(|m| m.ends_with("on Telegram")),
            "{words}"
        );
    }
    // The evidence note goes to Kirill Dmitriev's claim, and to no other.
    let noted: Vec<&Claim> = a
        .claims()
        .iter()
        .filter(|c| !c.evidence.is_empty())
        .collect();
    assert_eq!(noted.len(), 1);
    assert_eq!(speaker(&a, noted[0]), Some("Kirill Dmitriev"));
    assert_eq!(
        noted[0]
            .evidence
            .iter()
            .map(|&s| a.slice(s))
            .collect::<Vec<_>>(),
        ["He presented no evidence to back up his claim."]
    );
}

#[test]
fn seed_article_claims_from_key_points_and_relays() {
    let Some(text) = seed() else { return };
    let a = Parser::new().parse(&text);
    check_consistency(&a);
    let c = claim(&a, "No immediate plans exist");
    assert_eq!(speaker(&a, c), Some("Kremlin"));
    assert_eq!(c.relay, None);
    let c = claim(&a, "the country we are discussing is hostile");
    assert_eq!(speaker(&a, c), Some("Dmitry Peskov"));
    assert_eq!(part(&a, c.addressee), Some("reporters"));
    let c = claim(&a, "Russia-U.S. relations could improve");
    assert_eq!(
        speaker(&a, c),
        Some("A lawmaker from the ruling United Russia party")
    );
    assert_eq!(part(&a, c.relay), Some("RIA Novosti"));
    assert_eq!(c.modality, Modality::Hope);
    assert!(c.hedged);
    // Dmitriev's own claim (`commended Trump …`) carries the note.
    let c = claim(&a, "Trump and his team");
    assert_eq!(speaker(&a, c), Some("Kirill Dmitriev"));
    assert_eq!(c.evidence.len(), 1);
}
