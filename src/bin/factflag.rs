//! `factflag`: the command-line tool for newsrooms and scripts.
//!
//! ```text
//! factflag check page.html [--date YYYY-MM-DD] [--format text|json|claimreview] [--url URL] [--fail-on-contradiction] [--facts FILE]... [--lang en|de]
//! factflag facts lint [--data DIR] [--facts FILE]...
//! factflag facts stats [--format text|json] [--data DIR]
//! ```
#[cfg(target_arch = "wasm32")]
fn main() {
    // The command-line tool is native only; the wasm build is the extension's core.
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Parser, Subcommand, ValueEnum};
    use factflag::facts::{FactsError, Table};
    use factflag::{Checker, Verdict};
    use std::io::Read;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    #[derive(Parser)]
    #[command(name = "factflag", version, about = "Checks political claims in news pages against a bundled, sourced facts table, offline.")]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Check the claims in a page (.html, .htm or .txt; `-` reads standard input).
        Check {
            /// The page.
            file: String,
            /// The article's date (default: the page's own date, else today).
            #[arg(long)]
            date: Option<String>,
            /// Output format: text, the report as JSON, or schema.org ClaimReview JSON-LD for
            /// each contradicted or supported claim.
            #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
            format: CheckFormat,
            /// The page's address, for ClaimReview (default: the file's file:// URL).
            #[arg(long)]
            url: Option<String>,
            /// Exit with status 1 when a claim is contradicted.
            #[arg(long)]
            fail_on_contradiction: bool,
            /// Check against the table in this folder instead of the bundled one.
            #[arg(long)]
            data: Option<PathBuf>,
            /// Your own facts: a file in the schema of one of data/'s files (its header says which),
            /// merged over the table; your rows win. Repeatable.
            #[arg(long = "facts", value_name = "FILE")]
            facts: Vec<PathBuf>,
            /// The language of the explanations (the names the table holds stay as it writes them).
            #[arg(long, value_enum, default_value_t = Lang::En)]
            lang: Lang,
        },
        /// Work with the facts table.
        Facts {
            #[command(subcommand)]
            command: FactsCommand,
        },
    }

    #[derive(Subcommand)]
    enum FactsCommand {
        /// Check the table: exits non-zero with file:line and the reason for every problem.
        Lint {
            /// A table folder laid out like data/ (default: the bundled table).
            #[arg(long)]
            data: Option<PathBuf>,
            /// Your own facts, merged over the table as `check --facts` merges them. Repeatable.
            #[arg(long = "facts", value_name = "FILE")]
            facts: Vec<PathBuf>,
        },
        /// List what may have changed since the table (or an office) was last confirmed, and what
        /// to look up: the first step of updating the table (data/README.md).
        Due {
            /// The day to look from (default: today).
            #[arg(long)]
            on: Option<String>,
            /// Output format.
            #[arg(long, value_enum, default_value_t = Format::Text)]
            format: Format,
            /// A table folder laid out like data/ (default: the bundled table).
            #[arg(long)]
            data: Option<PathBuf>,
        },
        /// Write the table's snapshot: the compact binary the extension loads beside its .wasm
        /// (`extension/core/facts.bin`, which `make` writes with this). With `--data` or
        /// `--facts`, the snapshot of that table, for a build of the extension with your facts.
        Snapshot {
            /// Where to write it.
            #[arg(long)]
            out: PathBuf,
            /// A table folder laid out like data/ (default: the bundled table).
            #[arg(long)]
            data: Option<PathBuf>,
            /// Your own facts, merged over the table. Repeatable.
            #[arg(long = "facts", value_name = "FILE")]
            facts: Vec<PathBuf>,
        },
        /// Count the rows per kind.
        Stats {
            /// Output format.
            #[arg(long, value_enum, default_value_t = Format::Text)]
            format: Format,
            /// A table folder laid out like data/ (default: the bundled table).
            #[arg(long)]
            data: Option<PathBuf>,
        },
    }

    #[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
    enum Format {
        Text,
        Json,
    }

    /// The languages the explanations are written in (`src/locales/`).
    #[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
    enum Lang {
        /// English.
        En,
        /// German.
        De,
    }

    impl Lang {
        /// The language's BCP 47 code (ClaimReview's `inLanguage`).
        fn code(self) -> &'static str {
            match self {
                Lang::En => "en",
                Lang::De => "de",
            }
        }
    }

    #[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
    enum CheckFormat {
        Text,
        Json,
        Claimreview,
    }

    /// schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview) for each contradicted or
    /// supported finding: the claim as quoted, rated False (1 of 5) or True (5 of 5), the
    /// explanation as the review's body and the rows' sources as its citations; the claim
    /// appears at `url`, on the article's date. The review is dated today.
    fn claim_reviews(report: &factflag::Report, url: &str, today: chrono::NaiveDate, lang: Lang) -> serde_json::Value {
        use serde_json::json;
        let reviews: Vec<serde_json::Value> = report
            .findings
            .iter()
            .filter(|f| f.verdict != Verdict::Unknown)
            .map(|f| {
                let (value, name) = if f.verdict == Verdict::Contradicted { (1, factflag::t!("False")) } else { (5, factflag::t!("True")) };
                json!({
                    "@context": "https://schema.org",
                    "@type": "ClaimReview",
                    "url": url,
                    "inLanguage": lang.code(),
                    "claimReviewed": f.quote,
                    "datePublished": today.to_string(),
                    "author": { "@type": "Organization", "name": "FactFlag" },
                    "reviewRating": {
                        "@type": "Rating",
                        "ratingValue": value,
                        "bestRating": 5,
                        "worstRating": 1,
                        "alternateName": name,
                    },
                    "itemReviewed": {
                        "@type": "Claim",
                        "datePublished": report.reference_date.to_string(),
                        "appearance": { "@type": "CreativeWork", "url": url, "datePublished": report.reference_date.to_string() },
                    },
                    "reviewBody": factflag::t!("{} (Facts as of {}.)", f.explanation, f.facts_as_of),
                    "citation": f.sources,
                })
            })
            .collect();
        serde_json::Value::Array(reviews)
    }

    fn read_dir_files(dir: &Path) -> Result<Vec<(String, String)>, String> {
        fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> std::io::Result<()> {
            let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
            entries.sort_by_key(|e| e.path());
            for e in entries {
                let p = e.path();
                if p.is_dir() {
                    walk(root, &p, out)?;
                } else if p.extension().is_some_and(|x| x == "tsv") {
                    let rel = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
                    out.push((format!("data/{rel}"), std::fs::read_to_string(&p)?));
                }
            }
            Ok(())
        }
        let mut out = Vec::new();
        walk(dir, dir, &mut out).map_err(|e| format!("cannot read the table in {}: {e}", dir.display()))?;
        Ok(out)
    }

    fn load_table(data: Option<&Path>) -> Result<Table, String> {
        load_with_yours(data, &[])
    }

    /// The table (`data`, or the bundled one) with your own facts (`facts`) merged over it.
    fn load_with_yours(data: Option<&Path>, facts: &[PathBuf]) -> Result<Table, String> {
        let mut yours = Vec::new();
        for f in facts {
            let text = std::fs::read_to_string(f).map_err(|e| format!("cannot read your facts in {}: {e}", f.display()))?;
            yours.push((f.display().to_string(), text));
        }
        let result = match (data, yours.is_empty()) {
            (Some(dir), true) => Table::from_files(&read_dir_files(dir)?),
            (Some(dir), false) => Table::with_yours(&read_dir_files(dir)?, &yours),
            (None, true) => Table::bundled(),
            (None, false) => Table::with_yours(Table::bundled_files(), &yours),
        };
        let what = if yours.is_empty() { "the facts table has errors" } else { "the facts table with your facts has errors" };
        result.map_err(|errs| report_errors(what, &errs))
    }

    fn report_errors(what: &str, errs: &[FactsError]) -> String {
        let mut s = format!("{what} ({}):", errs.len());
        for e in errs {
            s.push_str(&format!("\n  {e}"));
        }
        s
    }

    fn today() -> chrono::NaiveDate {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        chrono::DateTime::from_timestamp(secs as i64, 0).map(|d| d.date_naive()).unwrap_or_default()
    }

    // The command's options as clap parsed them, one argument each.
    #[allow(clippy::too_many_arguments)]
    fn check(
        file: &str,
        date: Option<&str>,
        format: CheckFormat,
        url: Option<&str>,
        fail: bool,
        data: Option<&Path>,
        facts: &[PathBuf],
        lang: Lang,
    ) -> Result<ExitCode, String> {
        let mut input = Vec::new();
        if file == "-" {
            std::io::stdin().read_to_end(&mut input).map_err(|e| format!("cannot read standard input: {e}"))?;
        } else {
            input = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        }
        // Not replaced: a replacement character changes the text's length, so offsets into it
        // would no longer match the file.
        let text = String::from_utf8(input).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            format!("{file} is not UTF-8 text (the first invalid byte is at offset {at}); convert it first, for example with iconv -t UTF-8")
        })?;
        let is_html = file.ends_with(".html") || file.ends_with(".htm") || text.trim_start().starts_with('<');
        let (blocks, page_date) = if is_html {
            let p = factflag::html::read(&text);
            (p.blocks, p.published)
        } else {
            (text.split("\n\n").map(|b| b.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|b| !b.is_empty()).collect(), None)
        };
        let reference = match date {
            Some(d) => d.parse().map_err(|_| format!("--date {d:?} is not a date (YYYY-MM-DD)"))?,
            None => match page_date {
                Some(d) => d,
                None => {
                    let t = today();
                    eprintln!("factflag: {file} states no publication date; checking as of today ({t}). Use --date to set it.");
                    t
                }
            },
        };
        // The bundled snapshot holds the name index too: only another table is indexed here.
        let checker = match (data, facts.is_empty()) {
            (None, true) => Checker::bundled().map_err(|errs| report_errors("the facts table has errors", &errs))?,
            _ => Checker::new(load_with_yours(data, facts)?),
        };
        let report = checker.check(&blocks, reference);
        // The sources of your own facts' rows: labelled "your facts" wherever a finding lists one.
        let yours = checker.table().sources_of_yours();
        use std::fmt::Write as _;
        let mut out = String::new();
        match format {
            CheckFormat::Json => {
                let mut v = serde_json::to_value(&report).map_err(|e| e.to_string())?;
                if !yours.is_empty() {
                    // Each finding says which of its sources are your own facts'.
                    for (f, j) in report.findings.iter().zip(v["findings"].as_array_mut().into_iter().flatten()) {
                        let mine: Vec<&String> = f.sources.iter().filter(|s| yours.contains(s.as_str())).collect();
                        if !mine.is_empty() {
                            j["your_facts"] = serde_json::json!(mine);
                        }
                    }
                }
                out = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
                out.push('\n');
            }
            CheckFormat::Claimreview => {
                let url = match url {
                    Some(u) => u.to_string(),
                    None if file == "-" => return Err("--format claimreview needs --url for standard input".into()),
                    None => {
                        let path = std::fs::canonicalize(file).map_err(|e| format!("cannot resolve {file}: {e}"))?;
                        format!("file://{}", path.display())
                    }
                };
                out = serde_json::to_string_pretty(&claim_reviews(&report, &url, today(), lang)).map_err(|e| e.to_string())?;
                out.push('\n');
            }
            CheckFormat::Text => {
                let _ = writeln!(out, "{file}: article date {}, facts as of {}", report.reference_date, report.facts_as_of);
                let _ = writeln!(
                    out,
                    "{} claim{}: {} contradicted, {} supported, {} unknown",
                    report.counts.claims,
                    if report.counts.claims == 1 { "" } else { "s" },
                    report.counts.contradicted,
                    report.counts.supported,
                    report.counts.unknown
                );
                for f in &report.findings {
                    let label = match f.verdict {
                        Verdict::Contradicted => "CONTRADICTED",
                        Verdict::Supported => "supported",
                        Verdict::Unknown => "unknown",
                    };
                    let _ = writeln!(out, "\n{label}: \"{}\"\n  {}", f.quote, f.explanation);
                    for s in &f.sources {
                        let label = if yours.contains(s.as_str()) { "source (your facts)" } else { "source" };
                        let _ = writeln!(out, "  {label}: {s}");
                    }
                }
            }
        }
        // A reader that stops early (`| head`) is not an error.
        use std::io::Write as _;
        match std::io::stdout().lock().write_all(out.as_bytes()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(format!("cannot write the report: {e}")),
            _ => {}
        }
        Ok(if fail && report.counts.contradicted > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        let result = match cli.command {
            Command::Check { file, date, format, url, fail_on_contradiction, data, facts, lang } => {
                if lang == Lang::De {
                    factflag::words::set_language(factflag::words::GERMAN).expect("the German catalogue is checked by the tests");
                }
                check(&file, date.as_deref(), format, url.as_deref(), fail_on_contradiction, data.as_deref(), &facts, lang)
            }
            Command::Facts { command: FactsCommand::Lint { data, facts } } => load_with_yours(data.as_deref(), &facts).and_then(|t| {
                let errs = t.lint();
                if errs.is_empty() {
                    let s = t.stats();
                    println!(
                        "facts table OK: {} people, {} offices, {} terms, {} organisations, {} memberships, {} elections; as of {}",
                        s.people, s.offices, s.terms, s.organisations, s.memberships, s.elections, s.as_of
                    );
                    Ok(ExitCode::SUCCESS)
                } else {
                    Err(report_errors("facts lint found problems", &errs))
                }
            }),
            Command::Facts { command: FactsCommand::Due { on, format, data } } => load_table(data.as_deref()).and_then(|t| {
                let on = match on {
                    Some(d) => d.parse().map_err(|_| format!("--on {d:?} is not a date (YYYY-MM-DD)"))?,
                    None => today(),
                };
                let due = t.due(on);
                match format {
                    Format::Json => println!("{}", serde_json::to_string_pretty(&due).map_err(|e| e.to_string())?),
                    Format::Text => {
                        println!("facts as of {}; {} things may have changed by {on}:", t.as_of, due.len());
                        for d in &due {
                            println!("{}  {:<24} {}", d.since, d.subject, d.what);
                        }
                    }
                }
                Ok(ExitCode::SUCCESS)
            }),
            Command::Facts { command: FactsCommand::Snapshot { out, data, facts } } => {
                let bytes = if data.is_none() && facts.is_empty() {
                    // The bytes build.rs wrote, as they are: the same the tests read.
                    Ok(factflag::bundled_snapshot().to_vec())
                } else {
                    load_with_yours(data.as_deref(), &facts).map(|t| factflag::snapshot_of(&t))
                };
                bytes.and_then(|b| {
                    std::fs::write(&out, &b).map_err(|e| format!("cannot write the snapshot to {}: {e}", out.display()))?;
                    Ok(ExitCode::SUCCESS)
                })
            }
            Command::Facts { command: FactsCommand::Stats { format, data } } => load_table(data.as_deref()).map(|t| {
                let s = t.stats();
                match format {
                    Format::Json => println!("{}", serde_json::to_string(&s).unwrap()),
                    Format::Text => {
                        println!("as of          {}", s.as_of);
                        println!("countries      {}", s.countries);
                        println!("people         {}", s.people);
                        println!("offices        {}", s.offices);
                        println!("terms          {}", s.terms);
                        println!("organisations  {} ({} with members)", s.organisations, s.organisations_with_members);
                        println!("memberships    {}", s.memberships);
                        println!("elections      {}", s.elections);
                        println!("countries with complete heads of state and government since 2000: {}", s.countries_complete);
                        println!("offices confirmed only to a date before as_of: {}", s.offices_verified_earlier);
                        println!("dates of death: {}", s.deaths);
                    }
                }
                ExitCode::SUCCESS
            }),
        };
        match result {
            Ok(c) => c,
            Err(e) => {
                eprintln!("factflag: {e}");
                ExitCode::from(2)
            }
        }
    }
}
