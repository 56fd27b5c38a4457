//! No module of the board imports one that imports it back (issue 13): read from the sources,
//! every `crate::…` and `super::…` path a file names is an edge from its module to the module
//! named, and the graph must have no cycle, both between the top-level modules (`api`,
//! `model`, `session`, …) and between files (`model::draft`, `model::zoom`, …). The crate
//! root (`lib.rs`), which declares every module, is not a node.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each module (as path segments from `src/`) and its source with comments removed.
fn modules() -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("src")).unwrap().with_extension("");
            let mut segments: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            if segments.last().is_some_and(|s| s == "mod") {
                segments.pop();
            }
            if segments == ["lib"] || segments == ["main"] {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code: String = text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
            out.push((segments, code));
        }
    }
    out
}

/// Paths that follow `prefix` in `code`: `a::b::c`, and each name of a `{a, b::c}` group.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        if code[..at].chars().next_back().is_some_and(|c| ident(c) || c == ':') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            for item in inner.split(',') {
                let path: Vec<String> = item.trim().split("::").map(|s| s.trim_matches(|c: char| !ident(c)).to_owned()).collect();
                if path.first().is_some_and(|s| !s.is_empty()) {
                    out.push(path);
                }
            }
        } else {
            let end = rest.find(|c: char| !ident(c) && c != ':').unwrap_or(rest.len());
            out.push(rest[..end].trim_end_matches(':').split("::").map(str::to_owned).collect());
        }
    }
    out
}

/// Module → the modules it names, each cut to `depth` segments.
fn graph(depth: usize) -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let key = |segments: &[String]| segments.iter().take(depth).cloned().collect::<Vec<_>>().join("::");
    let names: BTreeSet<String> = modules.iter().map(|(m, _)| key(m)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = names.iter().map(|n| (n.clone(), BTreeSet::new())).collect();
    for (module, code) in &modules {
        let from = key(module);
        let parent = &module[..module.len() - 1];
        let named = paths_after(code, "crate::").into_iter().chain(paths_after(code, "super::").into_iter().map(|p| [parent.to_vec(), p].concat()));
        for path in named {
            // A path names a module as deep as modules go: `model::draft::Author` is `model::draft`.
            let to = (1..=path.len()).rev().map(|n| key(&path[..n])).find(|k| names.contains(k));
            if let Some(to) = to.filter(|to| *to != from) {
                edges.get_mut(&from).unwrap().insert(to);
            }
        }
    }
    edges
}

/// A cycle through `start`, if there is one.
fn cycle_from(start: &str, edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    let mut stack = vec![vec![start.to_owned()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        for next in &edges[path.last().unwrap()] {
            if next == start {
                return Some([path.clone(), vec![start.to_owned()]].concat());
            }
            if seen.insert(next.clone()) {
                stack.push([path.clone(), vec![next.clone()]].concat());
            }
        }
    }
    None
}

fn assert_acyclic(depth: usize) {
    let edges = graph(depth);
    assert!(edges.len() > 5, "the sources were read: {edges:?}");
    let cycles: Vec<String> = edges.keys().filter_map(|m| cycle_from(m, &edges)).map(|c| c.join(" → ")).collect();
    assert!(cycles.is_empty(), "modules that import each other back:\n{}", cycles.join("\n"));
}

#[test]
fn top_level_modules_import_each_other_one_way_only() {
    let edges = graph(1);
    // The checker sees the edges that exist (so a silent parser cannot pass).
    assert!(edges["api"].contains("session") && edges["model"].contains("i18n") && edges["pages"].contains("components"), "{edges:?}");
    assert_acyclic(1);
}

#[test]
fn files_import_each_other_one_way_only() {
    let edges = graph(2);
    assert!(edges["model::draft"].contains("model::zoom"), "{edges:?}");
    assert_acyclic(2);
}
