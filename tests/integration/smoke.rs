use quotative::Parser;

#[test]
fn empty_text_gives_an_empty_article() {
    let article = Parser::new().parse("");
    assert!(article.paragraphs().is_empty());
    assert!(article.quotes().is_empty());
}
