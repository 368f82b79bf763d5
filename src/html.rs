//! Reading a saved news page (native builds only): the article's text blocks and its
//! publication date, the way the extension's content script reads them from the live DOM.
use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "textarea", "input", "select", "button", "svg", "iframe", "object",
    "canvas", "head", "title", "option",
];

/// Elements that start a new text block.
const BLOCKS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "td", "th", "dd", "dt", "div", "section", "article", "main", "pre", "caption",
    "ul", "ol", "table", "tr", "body", "br", "hr", "figure", "summary", "details",
];

/// A page's article text and date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Text blocks, in document order, whitespace collapsed.
    pub blocks: Vec<String>,
    /// The publication date, if the page states one.
    pub published: Option<NaiveDate>,
}

/// Reads a page. Never fails: a broken page gives whatever text html5ever can recover.
pub fn read(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let root = ["article", "main", "body"].iter().find_map(|s| doc.select(&Selector::parse(s).unwrap()).next()).unwrap_or_else(|| doc.root_element());
    let mut blocks = Vec::new();
    let mut current = String::new();
    walk(root, &mut blocks, &mut current);
    flush(&mut blocks, &mut current);
    Page { blocks, published: published(&doc) }
}

fn flush(blocks: &mut Vec<String>, current: &mut String) {
    let collapsed = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !collapsed.is_empty() {
        blocks.push(collapsed);
    }
    current.clear();
}

fn walk(el: ElementRef, blocks: &mut Vec<String>, current: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name)
                    || e.attr("contenteditable").is_some_and(|v| v != "false")
                    || e.attr("hidden").is_some()
                    || e.attr("aria-hidden") == Some("true")
                {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    flush(blocks, current);
                }
                if let Some(c) = ElementRef::wrap(child) {
                    walk(c, blocks, current);
                }
                if block {
                    flush(blocks, current);
                }
            }
            _ => {}
        }
    }
}

/// `YYYY-MM-DD` at the start of a timestamp.
fn date_prefix(s: &str) -> Option<NaiveDate> {
    s.trim().get(..10)?.parse().ok()
}

/// The publication date: `<meta property="article:published_time">`, then JSON-LD
/// `datePublished`, then the first `<time datetime>`.
pub fn published(doc: &Html) -> Option<NaiveDate> {
    let meta = Selector::parse(r#"meta[property="article:published_time"], meta[name="article:published_time"]"#).unwrap();
    if let Some(d) = doc.select(&meta).find_map(|m| m.value().attr("content").and_then(date_prefix)) {
        return Some(d);
    }
    let ld = Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    for s in doc.select(&ld) {
        let text: String = s.text().collect();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
            if let Some(d) = find_date_published(&v) {
                return Some(d);
            }
        }
    }
    let time = Selector::parse("time[datetime]").unwrap();
    doc.select(&time).find_map(|t| t.value().attr("datetime").and_then(date_prefix))
}

fn find_date_published(v: &serde_json::Value) -> Option<NaiveDate> {
    match v {
        serde_json::Value::Object(m) => {
            m.get("datePublished").and_then(|d| d.as_str()).and_then(date_prefix).or_else(|| m.values().find_map(find_date_published))
        }
        serde_json::Value::Array(a) => a.iter().find_map(find_date_published),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_the_article_and_skips_chrome() {
        let p = read(
            r#"<html><head><meta property="article:published_time" content="2024-10-19T08:00:00Z"></head>
            <body><nav>President Nobody</nav><article><h1>Title</h1><p>First <b>para</b>.</p>
            <aside>Ad</aside><p>Second</p><script>x()</script></article><footer>f</footer></body></html>"#,
        );
        assert_eq!(p.blocks, vec!["Title", "First para.", "Second"]);
        assert_eq!(p.published, "2024-10-19".parse().ok());
    }

    #[test]
    fn date_order_meta_then_json_ld_then_time() {
        let ld = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-05-01T10:00:00+09:00"}]}</script><time datetime="2020-01-01">x</time>"#;
        assert_eq!(read(ld).published, "2023-05-01".parse().ok());
        assert_eq!(read(r#"<p>a</p><time datetime="2020-01-02T00:00">x</time>"#).published, "2020-01-02".parse().ok());
        assert_eq!(read("<p>no date</p>").published, None);
    }
}
