//! Splits Perfil CM's release wasm in two, so that a reader downloads first only what the first
//! question needs.
//!
//! - `wasm-split split IN MOVED MAP PRIMARY REST DATA` moves the functions named in the file
//!   `MOVED` (one name per line, without the hash that rustc appends) into the module `REST`. Each
//!   that the primary still refers to keeps a small stub there, of the same type, so every call, export and
//!   table entry of the primary module stays as it was. A stub calls the function through a table
//!   that the rest fills when it is instantiated. Until then, the stub first calls the primary's
//!   exported `perfil_cm_rest_needed` (src/platform/rest.rs), which loads the rest at once. The
//!   bytes of the exported array `PERFIL_CM_LATER_WORDS` (build/content.rs) go too, with the three
//!   functions that read them: the rest writes them into the shared memory when it is
//!   instantiated. So do the read-only data that only moved code refers to (the strings of the
//!   results, say, or their vtables), told apart by the linker's map `MAP` (build.rs has the
//!   linker write it): see [`moved_data`]. Where that data lies goes to the file `DATA`.
//! - `wasm-split profile IN OUT NAMES` writes a copy of `IN` that calls the import
//!   `perfil_cm_profile.ran(index)` at the start of every function and reports what it reads of
//!   memory ([`record_reads`]), and the names by index, for scripts/split_profile.mjs, which
//!   writes `MOVED` and checks that start-up reads none of the data listed in `DATA`.
//!
//! - `wasm-split whole IN OUT` writes `IN` as it is, without its names and the export of that
//!   array: the release without the split (`PERFIL_CM_SPLIT=off`), to measure against.
//!
//! The input must carry the name section (wasm-opt `-g`); no output does.
//!
//! The rest imports everything it shares from the primary under the module name `p`: memory,
//! tables and globals, which the primary exports under short names. The functions the moved code
//! calls it imports under `s`, each named by its slot in the primary's table of functions, which
//! the primary exports as `s`: a slot costs the primary an index, an export a name besides. The
//! rest has no state of its own (the words it writes are never written by the app), so
//! instantiating it twice is harmless.

use std::collections::{HashMap, HashSet};
use std::process::ExitCode;

use walrus::ir::{self, Visitor};
use walrus::{
    ConstExpr, DataKind, ElementItems, ElementKind, ExportItem, FunctionBuilder, FunctionId,
    FunctionKind, GlobalKind, ImportedFunction, LocalFunction, Module, ModuleConfig, RefType,
    ValType,
};

/// The primary's export that loads the rest; the stubs call it, so it and what it calls stay.
const LOADER: &str = "perfil_cm_rest_needed";
/// The rest's import module, the primary's exports.
const SHARED: &str = "p";
/// The rest's import module for the primary's functions, each named by its slot in the primary's
/// table of functions, which the primary exports under [`FUNCTION_TABLE`]: src/platform/rest.rs
/// makes the module from the table. An export would cost the primary a name besides the index.
const FUNCTIONS: &str = "s";
/// The primary's export of its table of functions (in [`SHARED`]).
const FUNCTION_TABLE: &str = "s";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["split", input, moved, map, primary, rest, data] => {
            split(input, moved, map, primary, rest, data)
        }
        ["profile", input, output, names] => profile(input, output, names),
        ["whole", input, output] => whole(input, output),
        _ => Err(
            "usage: wasm-split split IN MOVED MAP PRIMARY REST DATA | profile IN OUT NAMES | whole \
             IN OUT"
                .into(),
        ),
    };
    match outcome {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("wasm-split: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Functions that stay in the first part whatever the list says, with everything they call
/// directly, by a part of their name: the code that fetches and loads the rest, and what shows the
/// crash screen when the rest cannot be had. Exported functions and the start function stay too.
const PINNED: [&str; 4] = [
    "perfil_cm::platform::rest::",
    "perfil_cm::platform::crash::",
    "panic",
    // Promises and tasks: a failed fetch of the rest goes through code that a start never runs.
    "wasm_bindgen_futures::",
];

/// The export of the array that holds the words shown only after the first questions
/// (build/content.rs, `LATER_WORDS`): the results' and the full version's own. Its address. The
/// array starts with its length (4 bytes, little-endian); the bytes after it go to the rest,
/// which writes them into the shared memory when instantiated.
const LATER_WORDS: &str = "PERFIL_CM_LATER_WORDS";

/// The only functions that read those words: the results' (src/advice.rs), the full version's
/// (src/model.rs) and the later interface strings' (src/i18n.rs). They go to the rest whatever the list says, so that reading the
/// words first brings the rest, and with it the words.
const READERS: [&str; 3] = [
    "perfil_cm::advice::results_words",
    "perfil_cm::model::full_version_words",
    "perfil_cm::i18n::later_ui",
];

/// A function's name without what changes from build to build: rustc's `::h0123…` hash, the
/// `[0123…]` that tells crates apart and LLVM's `.llvm.123` suffix.
fn stable_name(name: &str) -> String {
    let name = name.split(".llvm.").next().unwrap_or(name);
    let name = match name.rsplit_once("::h") {
        Some((path, hash)) if is_hash(hash) => path,
        _ => name,
    };
    let mut stable = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let (before, after) = rest.split_at(open);
        stable.push_str(before);
        match after[1..].split_once(']') {
            Some((hash, next)) if is_hash(hash) => rest = next,
            _ => {
                stable.push('[');
                rest = &after[1..];
            }
        }
    }
    stable.push_str(rest);
    stable
}

fn is_hash(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

fn read(path: &str) -> Result<Module, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let mut config = ModuleConfig::new();
    config
        .generate_name_section(false)
        .generate_producers_section(false);
    let mut module = config.parse(&bytes).map_err(|e| format!("{path}: {e}"))?;
    // `target_features`, which only tools read: 148 bytes that every reader would download.
    module.customs = Default::default();
    Ok(module)
}

fn write(module: &mut Module, path: &str) -> Result<usize, String> {
    let bytes = module.emit_wasm();
    std::fs::write(path, &bytes).map_err(|e| format!("{path}: {e}"))?;
    Ok(bytes.len())
}

/// Removes the export [`LATER_WORDS`] and returns the address and the length of the words
/// after the array's length.
fn later_words(module: &mut Module) -> Result<(u32, u32), String> {
    let export = module
        .exports
        .iter()
        .find(|export| export.name == LATER_WORDS)
        .ok_or(format!("no export {LATER_WORDS}"))?;
    let (export, global) = match export.item {
        ExportItem::Global(global) => (export.id(), global),
        _ => return Err(format!("{LATER_WORDS} is not a global")),
    };
    module.exports.delete(export);
    let address = match module.globals.get(global).kind {
        GlobalKind::Local(ConstExpr::Value(ir::Value::I32(address))) => address as u32,
        _ => return Err(format!("{LATER_WORDS} is not a constant address")),
    };
    let length = read_memory(module, address, 4)?;
    let length = u32::from_le_bytes([length[0], length[1], length[2], length[3]]);
    Ok((address + 4, length))
}

/// Where an active data segment starts in memory.
fn segment_start(kind: &DataKind) -> Option<u32> {
    match kind {
        DataKind::Active {
            offset: ConstExpr::Value(ir::Value::I32(start)),
            ..
        } => Some(*start as u32),
        _ => None,
    }
}

/// The `length` bytes of the initial memory at `address`, as the active data segments write them
/// (zeros between segments: wasm-opt leaves runs of zeros out).
fn read_memory(module: &Module, address: u32, length: u32) -> Result<Vec<u8>, String> {
    let (from, to) = (address as usize, (address + length) as usize);
    let mut bytes = vec![0; to - from];
    let mut covered = false;
    for data in module.data.iter() {
        let Some(start) = segment_start(&data.kind).map(|s| s as usize) else {
            continue;
        };
        let end = start + data.value.len();
        if start < to && from < end {
            let (a, b) = (from.max(start), to.min(end));
            bytes[a - from..b - from].copy_from_slice(&data.value[a - start..b - start]);
            covered = true;
        }
    }
    if covered {
        Ok(bytes)
    } else {
        Err(format!("no data at {address}"))
    }
}

/// Leaves the bytes from `address` to `address + length` out of the module's data segments,
/// cutting a segment in two where it spans them: memory there stays zero until the rest writes
/// it.
fn cut_memory(module: &mut Module, address: u32, length: u32) {
    let (from, to) = (address as usize, (address + length) as usize);
    let mut tails = Vec::new();
    let ids: Vec<walrus::DataId> = module.data.iter().map(|d| d.id()).collect();
    for id in ids {
        let data = module.data.get_mut(id);
        let DataKind::Active { memory, .. } = data.kind else {
            continue;
        };
        let Some(start) = segment_start(&data.kind).map(|s| s as usize) else {
            continue;
        };
        let end = start + data.value.len();
        if !(start < to && from < end) {
            continue;
        }
        if to < end {
            tails.push((memory, to, data.value[to - start..].to_vec()));
        }
        data.value.truncate(from.saturating_sub(start));
    }
    for (memory, start, value) in tails {
        let offset = ConstExpr::Value(ir::Value::I32(start as i32));
        let id = module.data.add(DataKind::Active { memory, offset }, value);
        module.memories.get_mut(memory).data_segments.insert(id);
    }
}

/// How far from an address that code left in the first part holds (a constant or a load's
/// offset) a read-only object still stays there: LLVM may fold an index into a constant that
/// points a few bytes before or after the object it reads (`table - 4` for an index that starts
/// at 1, the end of an array).
const NEAR: u32 = 64;

/// One read-only object of the data (`.rodata`), as the linker placed it: its first byte and
/// one past its last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Object {
    start: u32,
    end: u32,
    /// Whether the linker merged several inputs into it (`<internal>`, merged strings): its
    /// parts cannot be told apart, so it never moves.
    merged: bool,
}

/// The read-only objects in the linker's map (wasm-ld `--Map`, written by build.rs for release
/// builds), in address order, and the address of each named symbol, by name.
fn read_map(path: &str) -> Result<(Vec<Object>, HashMap<String, u32>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "{path}: {e} (the linker writes it when it links the release wasm: touch \
             src/main.rs and build again)"
        )
    })?;
    let mut objects = Vec::new();
    let mut symbols = HashMap::new();
    let mut in_rodata = false;
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 4 {
            continue;
        }
        let (Ok(address), Ok(size)) = (
            u32::from_str_radix(fields[0], 16),
            u32::from_str_radix(fields[2], 16),
        ) else {
            // Sections without an address: types, code, data as a whole.
            in_rodata = false;
            continue;
        };
        let what = fields[3..].join(" ");
        // An output section's line names it in the fourth column; inputs and symbols are
        // indented further.
        let indent = line.len() - line.trim_start().len() + line.trim().len() - what.len();
        if indent <= 27 && what.starts_with('.') && !what.contains(":(") {
            in_rodata = what == ".rodata";
            continue;
        }
        if !in_rodata {
            continue;
        }
        if let Some(section) = what.rsplit_once(":(").map(|(_, section)| section) {
            if size > 0 {
                objects.push(Object {
                    start: address,
                    end: address + size,
                    merged: what.starts_with("<internal>") || !section.starts_with(".rodata."),
                });
            }
        } else {
            symbols.insert(what, address);
        }
    }
    objects.sort_by_key(|object| object.start);
    if objects.is_empty() {
        return Err(format!("{path}: no read-only data listed"));
    }
    Ok((objects, symbols))
}

/// The addresses that a function's code names: its constants (both halves of a 64-bit one)
/// and its loads' and stores' offsets, each with whether the code may add an index to it (see
/// [`NEAR`]): a constant that an addition or subtraction soon follows, or that is kept in a
/// local for later, and any offset of a load or store (added to its address).
#[derive(Default)]
struct Addresses(Vec<(u32, bool)>);

impl<'a> Visitor<'a> for Addresses {
    fn start_instr_seq(&mut self, seq: &'a ir::InstrSeq) {
        for (k, (instr, _)) in seq.instrs.iter().enumerate() {
            match instr {
                ir::Instr::Const(ir::Const {
                    value: ir::Value::I32(v),
                }) => {
                    let indexed = seq.instrs[k + 1..].iter().take(3).any(|(next, _)| {
                        matches!(
                            next,
                            ir::Instr::Binop(ir::Binop {
                                op: ir::BinaryOp::I32Add | ir::BinaryOp::I32Sub
                            }) | ir::Instr::LocalSet(_)
                                | ir::Instr::LocalTee(_)
                        )
                    });
                    self.0.push((*v as u32, indexed));
                }
                // Two stores of a constant pointer and length become one of both, as a
                // 64-bit constant.
                ir::Instr::Const(ir::Const {
                    value: ir::Value::I64(v),
                }) => {
                    self.0.push((*v as u32, false));
                    self.0.push(((*v as u64 >> 32) as u32, false));
                }
                ir::Instr::Load(load) => self.0.push((load.arg.offset as u32, true)),
                ir::Instr::Store(store) => self.0.push((store.arg.offset as u32, true)),
                ir::Instr::LoadSimd(load) => self.0.push((load.arg.offset as u32, true)),
                _ => {}
            }
        }
    }
}

/// The read-only data that may move with the code: the objects of `objects` that nothing
/// staying in the first part can reach. An object stays when code that stays names an
/// address in it or within [`NEAR`] bytes of it, when a global's initial value does, or when a
/// staying object or any writable data holds a pointer into it (a vtable, a `&str`). Returns
/// the ranges to move, adjacent objects joined, outside `except` (the later words, which move
/// by themselves).
fn moved_data(
    module: &Module,
    objects: &[Object],
    staying: impl Iterator<Item = FunctionId>,
    except: (u32, u32),
) -> Vec<(u32, u32)> {
    let (low, high) = (objects[0].start, objects[objects.len() - 1].end);
    let find = |address: u32| -> Option<usize> {
        let i = objects.partition_point(|o| o.start <= address);
        (i > 0 && address < objects[i - 1].end).then(|| i - 1)
    };
    let mut keep = vec![false; objects.len()];
    let mut queue = Vec::new();
    let name = |address: u32, near: u32, keep: &mut Vec<bool>, queue: &mut Vec<usize>| {
        if address.saturating_add(near) < low || address >= high.saturating_add(near) {
            return;
        }
        let from = objects.partition_point(|o| o.end <= address.saturating_sub(near));
        for (i, object) in objects.iter().enumerate().skip(from) {
            if object.start > address.saturating_add(near) {
                break;
            }
            if !keep[i] {
                keep[i] = true;
                queue.push(i);
            }
        }
    };
    for object in objects.iter().enumerate() {
        if object.1.merged {
            keep[object.0] = true;
            queue.push(object.0);
        }
    }
    for id in staying {
        if let FunctionKind::Local(local) = &module.funcs.get(id).kind {
            let mut found = Addresses::default();
            ir::dfs_in_order(&mut found, local, local.entry_block());
            for (address, indexed) in found.0 {
                let near = if indexed { NEAR } else { 0 };
                name(address, near, &mut keep, &mut queue);
            }
        }
    }
    for global in module.globals.iter() {
        match global.kind {
            GlobalKind::Local(ConstExpr::Value(ir::Value::I32(v))) => {
                name(v as u32, 0, &mut keep, &mut queue)
            }
            GlobalKind::Local(ConstExpr::Value(ir::Value::I64(v))) => {
                name(v as u32, 0, &mut keep, &mut queue);
                name((v as u64 >> 32) as u32, 0, &mut keep, &mut queue);
            }
            _ => {}
        }
    }
    // Pointers held by the data: in what stays, and in every byte outside the read-only
    // objects (writable statics, merged strings).
    let pointers = |from: u32, to: u32| -> Vec<u32> {
        let mut found = Vec::new();
        for data in module.data.iter() {
            let Some(start) = segment_start(&data.kind) else {
                continue;
            };
            let mut at = start.max(from).next_multiple_of(4);
            while at + 4 <= to.min(start + data.value.len() as u32) {
                let i = (at - start) as usize;
                let bytes = [
                    data.value[i],
                    data.value[i + 1],
                    data.value[i + 2],
                    data.value[i + 3],
                ];
                found.push(u32::from_le_bytes(bytes));
                at += 4;
            }
        }
        found
    };
    let point = |address: u32, keep: &mut Vec<bool>, queue: &mut Vec<usize>| {
        if let Some(i) = find(address).filter(|&i| !keep[i]) {
            keep[i] = true;
            queue.push(i);
        }
    };
    for address in pointers(0, low).into_iter().chain(pointers(high, u32::MAX)) {
        point(address, &mut keep, &mut queue);
    }
    while let Some(i) = queue.pop() {
        for address in pointers(objects[i].start, objects[i].end) {
            point(address, &mut keep, &mut queue);
        }
    }
    let (words_from, words_to) = (except.0, except.0 + except.1);
    let moves = |i: usize| {
        let object = objects[i];
        !(keep[i] || (object.start < words_to && words_from < object.end))
    };
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for i in (0..objects.len()).filter(|&i| moves(i)) {
        match ranges.last_mut() {
            // Joined across the padding between two neighbours that both move.
            Some(last) if i > 0 && moves(i - 1) && last.1 == objects[i - 1].end => {
                last.1 = objects[i].end
            }
            _ => ranges.push((objects[i].start, objects[i].end)),
        }
    }
    ranges
}

/// The table that the primary's indirect calls go through, and the slot of each function in it:
/// the one table of functions that segments fill.
fn function_table(module: &Module) -> Result<(walrus::TableId, HashMap<FunctionId, u64>), String> {
    let mut tables = module
        .tables
        .iter()
        .filter(|t| t.element_ty == RefType::FUNCREF && !t.elem_segments.is_empty());
    let table = match (tables.next(), tables.next()) {
        (Some(table), None) => table,
        _ => return Err("expected one table of functions filled by segments".into()),
    };
    let mut slots = HashMap::new();
    for &segment in &table.elem_segments {
        let element = module.elements.get(segment);
        let ElementKind::Active {
            offset: ConstExpr::Value(ir::Value::I32(offset)),
            ..
        } = element.kind
        else {
            return Err("a segment of the table of functions at a computed offset".into());
        };
        let functions: Vec<Option<FunctionId>> = match &element.items {
            ElementItems::Functions(functions) => functions.iter().copied().map(Some).collect(),
            ElementItems::Expressions(_, expressions) => expressions
                .iter()
                .map(|e| match e {
                    ConstExpr::RefFunc(f) => Some(*f),
                    _ => None,
                })
                .collect(),
        };
        for (i, function) in functions.into_iter().enumerate() {
            if let Some(function) = function {
                slots.entry(function).or_insert(offset as u64 + i as u64);
            }
        }
    }
    Ok((table.id(), slots))
}

/// Puts each of `functions` that is not in `table` yet (by `slots`) in a new slot at its end,
/// in the order of their indices, which compresses best, and adds its slot to `slots`.
fn hand_over(
    module: &mut Module,
    table: walrus::TableId,
    slots: &mut HashMap<FunctionId, u64>,
    functions: &[FunctionId],
) {
    let mut added: Vec<FunctionId> = functions
        .iter()
        .filter(|function| !slots.contains_key(function))
        .copied()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    if added.is_empty() {
        return;
    }
    added.sort_by_key(|function| function.index());
    let first = module.tables.get(table).initial;
    for (i, &function) in added.iter().enumerate() {
        slots.insert(function, first + i as u64);
    }
    let length = first + added.len() as u64;
    let segment = module.elements.add(
        ElementKind::Active {
            table,
            offset: ConstExpr::Value(ir::Value::I32(first as i32)),
        },
        ElementItems::Functions(added),
    );
    let table = module.tables.get_mut(table);
    table.elem_segments.insert(segment);
    table.initial = length;
    table.maximum = table.maximum.map(|maximum| maximum.max(length));
}

/// Functions a function refers to (calls, `ref.func`), and whether it touches a data segment.
#[derive(Default)]
struct References {
    functions: Vec<FunctionId>,
    data: bool,
}

impl<'a> Visitor<'a> for References {
    fn visit_function_id(&mut self, function: &FunctionId) {
        self.functions.push(*function);
    }
    fn visit_data_id(&mut self, _: &walrus::DataId) {
        self.data = true;
    }
}

fn references(function: &LocalFunction) -> References {
    let mut found = References::default();
    ir::dfs_in_order(&mut found, function, function.entry_block());
    found
}

/// Local functions reachable by direct calls from `roots`, the roots included.
fn reachable(module: &Module, roots: impl IntoIterator<Item = FunctionId>) -> HashSet<FunctionId> {
    let mut seen = HashSet::new();
    let mut queue: Vec<FunctionId> = roots.into_iter().collect();
    while let Some(id) = queue.pop() {
        if !seen.insert(id) {
            continue;
        }
        if let FunctionKind::Local(local) = &module.funcs.get(id).kind {
            queue.extend(references(local).functions);
        }
    }
    seen
}

fn split(
    input: &str,
    moved: &str,
    map: &str,
    primary_path: &str,
    rest_path: &str,
    data_path: &str,
) -> Result<String, String> {
    let listed: HashSet<String> = std::fs::read_to_string(moved)
        .map_err(|e| format!("{moved}: {e}"))?
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(String::from)
        .collect();

    let mut primary = read(input)?;
    let (words_at, words_length) = later_words(&mut primary)?;
    let words = read_memory(&primary, words_at, words_length)?;
    cut_memory(&mut primary, words_at, words_length);
    let loader = primary
        .exports
        .iter()
        .find(|export| export.name == LOADER)
        .and_then(|export| match export.item {
            ExportItem::Function(id) => Some(id),
            _ => None,
        })
        .ok_or(format!("{input} does not export {LOADER}"))?;
    // What the loader runs must be here before the rest is, and so must the start function.
    let roots = primary.funcs.iter().filter(|f| {
        f.name
            .as_deref()
            .is_some_and(|name| PINNED.iter().any(|part| stable_name(name).contains(part)))
    });
    // The glue may call any export at any time, also while the rest is being loaded (to keep an
    // exception, say): exports stay too.
    let exported = primary
        .exports
        .iter()
        .filter_map(|export| match export.item {
            ExportItem::Function(id) => Some(id),
            _ => None,
        });
    let roots: Vec<FunctionId> = roots
        .map(|f| f.id())
        .chain(exported)
        .chain([loader])
        .chain(primary.start)
        .collect();
    let pinned = reachable(&primary, roots);

    // Which of the functions sharing its name each one is: `name#k/n` in the list names the k-th
    // of n (scripts/split_profile.mjs). In index order, so that the table slots and the output
    // are the same on every run.
    let named: Vec<(FunctionId, String)> = primary
        .funcs
        .iter_local()
        .map(|(id, _)| {
            (
                id,
                primary
                    .funcs
                    .get(id)
                    .name
                    .as_deref()
                    .map_or(String::new(), stable_name),
            )
        })
        .collect();
    let mut sharing: HashMap<&str, usize> = HashMap::new();
    for (_, name) in &named {
        *sharing.entry(name.as_str()).or_default() += 1;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut moving = Vec::new();
    for (id, name) in &named {
        let (id, name) = (*id, name.as_str());
        let ordinal = seen.entry(name).or_default();
        let listed_here = !name.is_empty()
            && (listed.contains(name)
                || READERS.contains(&name)
                || listed.contains(&format!("{name}#{ordinal}/{}", sharing[name])));
        *ordinal += 1;
        let FunctionKind::Local(local) = &primary.funcs.get(id).kind else {
            continue;
        };
        if listed_here && !pinned.contains(&id) && !references(local).data {
            moving.push(id);
        }
    }
    if moving.is_empty() {
        return Err(format!("no function of {input} is named in {moved}"));
    }
    // The words may move only with every function that reads them.
    for reader in READERS {
        if !moving.iter().any(|&id| {
            primary.funcs.get(id).name.as_deref().map(stable_name) == Some(reader.to_string())
        }) {
            return Err(format!(
                "{reader} must move with the words it reads, and cannot: it was inlined, or code \
                 that stays in the first part calls it directly"
            ));
        }
    }
    // The read-only data that only moved code names goes too. The map must be this wasm's:
    // the words' array is where it says.
    let (objects, symbols) = read_map(map)?;
    if symbols.get(LATER_WORDS) != Some(&(words_at - 4)) {
        return Err(format!(
            "{map} does not describe {input}: it puts {LATER_WORDS} elsewhere (rebuild it)"
        ));
    }
    let moving_set: HashSet<FunctionId> = moving.iter().copied().collect();
    let staying: Vec<FunctionId> = primary
        .funcs
        .iter_local()
        .map(|(id, _)| id)
        .filter(|id| !moving_set.contains(id))
        .collect();
    let mut data = Vec::new();
    for (from, to) in moved_data(
        &primary,
        &objects,
        staying.into_iter(),
        (words_at, words_length),
    ) {
        // Objects of zeros have no bytes to write: memory is zero until something writes it.
        if let Ok(bytes) = read_memory(&primary, from, to - from) {
            data.push((from, bytes));
        }
        cut_memory(&mut primary, from, to - from);
    }
    let data_bytes: usize = data.iter().map(|(_, bytes)| bytes.len()).sum();
    // Where, for scripts/split_profile.mjs, which checks that start-up reads none of it.
    let listing: String = data
        .iter()
        .map(|(at, bytes)| format!("{at} {}\n", *at as usize + bytes.len()))
        .collect();
    std::fs::write(data_path, listing).map_err(|e| format!("{data_path}: {e}"))?;

    let slot: HashMap<FunctionId, usize> =
        moving.iter().enumerate().map(|(i, &f)| (f, i)).collect();

    // The rest starts as a copy of the input, parsed again: its ids are its own, but their
    // indices are the same.
    let mut rest = read(input)?;
    let moving_indices: HashSet<usize> = moving.iter().map(|id| id.index()).collect();
    let by_index: HashMap<usize, FunctionId> = rest
        .funcs
        .iter()
        .map(|f| (f.id().index(), f.id()))
        .collect();
    let rest_moving: Vec<FunctionId> = moving.iter().map(|id| by_index[&id.index()]).collect();
    rest.start = None;
    for export in rest.exports.iter().map(|e| e.id()).collect::<Vec<_>>() {
        rest.exports.delete(export);
    }
    for table in rest.tables.iter_mut() {
        table.elem_segments.clear();
    }
    for element in rest.elements.iter().map(|e| e.id()).collect::<Vec<_>>() {
        rest.elements.delete(element);
    }
    for memory in rest.memories.iter_mut() {
        memory.data_segments.clear();
    }
    for data in rest.data.iter().map(|d| d.id()).collect::<Vec<_>>() {
        rest.data.delete(data);
    }

    // Everything the moved code uses from the primary becomes an import of the rest. Names come
    // later, from the primary's exports, once the rest's garbage collection says which remain.
    for function in rest.funcs.iter().map(|f| f.id()).collect::<Vec<_>>() {
        if moving_indices.contains(&function.index()) {
            continue;
        }
        let ty = rest.funcs.get(function).ty();
        match rest.funcs.get(function).kind {
            FunctionKind::Import(ImportedFunction { import, .. }) => {
                let entry = rest.imports.get_mut(import);
                entry.module = SHARED.into();
                entry.name = format!("f{}", function.index());
            }
            _ => {
                let import = rest
                    .imports
                    .add(SHARED, &format!("f{}", function.index()), function);
                rest.funcs.get_mut(function).kind =
                    FunctionKind::Import(ImportedFunction { import, ty });
            }
        }
    }
    for table in rest.tables.iter().map(|t| t.id()).collect::<Vec<_>>() {
        let import = rest
            .imports
            .add(SHARED, &format!("t{}", table.index()), table);
        rest.tables.get_mut(table).import = Some(import);
    }
    for memory in rest.memories.iter().map(|m| m.id()).collect::<Vec<_>>() {
        let import = rest
            .imports
            .add(SHARED, &format!("m{}", memory.index()), memory);
        rest.memories.get_mut(memory).import = Some(import);
    }
    // The later words, written where the primary left them out when the rest is instantiated.
    let memory = rest
        .memories
        .iter()
        .next()
        .map(|m| m.id())
        .ok_or(format!("{input} has no memory"))?;
    let offset = ConstExpr::Value(ir::Value::I32(words_at as i32));
    let segment = rest.data.add(DataKind::Active { memory, offset }, words);
    rest.memories.get_mut(memory).data_segments.insert(segment);
    for (at, bytes) in data {
        let offset = ConstExpr::Value(ir::Value::I32(at as i32));
        let segment = rest.data.add(DataKind::Active { memory, offset }, bytes);
        rest.memories.get_mut(memory).data_segments.insert(segment);
    }
    for global in rest.globals.iter().map(|g| g.id()).collect::<Vec<_>>() {
        let import = rest
            .imports
            .add(SHARED, &format!("g{}", global.index()), global);
        rest.globals.get_mut(global).kind = GlobalKind::Import(import);
    }

    // Found before the table of moved functions is added, which has no segments of its own.
    let (function_table, mut slots) = function_table(&primary)?;

    // The table of moved functions, and the flag that says it is filled: the primary owns both,
    // the rest fills the table when instantiated and its start function raises the flag.
    let count = moving.len() as u64;
    let table = primary
        .tables
        .add_local(false, count, Some(count), RefType::FUNCREF);
    let arrived = primary.globals.add_local(
        ValType::I32,
        true,
        false,
        ConstExpr::Value(ir::Value::I32(0)),
    );
    primary.exports.add("rest", table);
    primary.exports.add("arrived", arrived);

    let (rest_table, _) =
        rest.add_import_table(SHARED, "rest", false, count, Some(count), RefType::FUNCREF);
    let (rest_arrived, _) = rest.add_import_global(SHARED, "arrived", ValType::I32, true, false);
    let fill = rest.elements.add(
        ElementKind::Active {
            table: rest_table,
            offset: ConstExpr::Value(ir::Value::I32(0)),
        },
        ElementItems::Functions(rest_moving),
    );
    rest.tables.get_mut(rest_table).elem_segments.insert(fill);
    let mut start = FunctionBuilder::new(&mut rest.types, &[], &[]);
    start.func_body().i32_const(1).global_set(rest_arrived);
    rest.start = Some(start.finish(vec![], &mut rest.funcs));
    walrus::passes::gc::run(&mut rest);

    // The primary hands the rest what it imports. Until here, the rest's names say which item
    // each import is (a letter for its kind, then its index in the input, which the two modules
    // share). A function is imported by its slot in the primary's table of functions, where most
    // already are and the rest are added; anything else is exported under a short name, a number:
    // no identifier that wasm-bindgen or rustc export is one.
    let shared_functions: Vec<(walrus::ImportId, FunctionId)> = rest
        .imports
        .iter()
        .filter(|import| import.module == SHARED && import.name.starts_with('f'))
        .map(|import| {
            let index = import.name[1..].parse::<usize>().ok();
            let function = index.and_then(|i| primary.funcs.iter().find(|f| f.id().index() == i));
            function.map(|f| (import.id(), f.id())).ok_or(format!(
                "the rest imports {}, which the primary lacks",
                import.name
            ))
        })
        .collect::<Result<_, _>>()?;
    let wanted: Vec<FunctionId> = shared_functions.iter().map(|&(_, f)| f).collect();
    hand_over(&mut primary, function_table, &mut slots, &wanted);
    for (import, function) in shared_functions {
        let entry = rest.imports.get_mut(import);
        entry.module = FUNCTIONS.into();
        entry.name = slots[&function].to_string();
    }
    // The rest imports the same table, and a table is accepted only within its import's limits.
    let (initial, maximum) = {
        let table = primary.tables.get(function_table);
        (table.initial, table.maximum)
    };
    if let Some(table) = rest
        .tables
        .iter_mut()
        .find(|t| t.id().index() == function_table.index())
    {
        table.initial = initial;
        table.maximum = maximum;
    }
    primary.exports.add(FUNCTION_TABLE, function_table);
    let shared: Vec<(walrus::ImportId, String)> = rest
        .imports
        .iter()
        .filter(|import| {
            import.module == SHARED && import.name != "rest" && import.name != "arrived"
        })
        .map(|import| (import.id(), import.name.clone()))
        .collect();
    for (short, (import, name)) in shared.into_iter().enumerate() {
        let name = name.as_str();
        let index: Option<usize> = name.get(1..).and_then(|digits| digits.parse().ok());
        let item: Option<ExportItem> = match (name.get(..1), index) {
            (Some("t"), Some(i)) => primary
                .tables
                .iter()
                .find(|t| t.id().index() == i)
                .map(|t| t.id().into()),
            (Some("m"), Some(i)) => primary
                .memories
                .iter()
                .find(|m| m.id().index() == i)
                .map(|m| m.id().into()),
            (Some("g"), Some(i)) => primary
                .globals
                .iter()
                .find(|g| g.id().index() == i)
                .map(|g| g.id().into()),
            _ => None,
        };
        let item = item.ok_or(format!("the rest imports {name}, which the primary lacks"))?;
        let short = short.to_string();
        primary.exports.add(&short, item);
        rest.imports.get_mut(import).name = short;
    }
    // The stubs call the loader directly; nothing else needs its export.
    if let Some(export) = primary.exports.get_exported_func(loader).map(|e| e.id()) {
        primary.exports.delete(export);
    }

    // Each moved function's body becomes: load the rest unless it has arrived, then call the
    // function through the rest's table, with the same arguments.
    for &function in &moving {
        let ty = primary.funcs.get(function).ty();
        let (params, results) = {
            let ty = primary.types.get(ty);
            (ty.params().to_vec(), ty.results().to_vec())
        };
        let args: Vec<_> = params.iter().map(|&p| primary.locals.add(p)).collect();
        let mut stub = FunctionBuilder::new(&mut primary.types, &params, &results);
        let mut body = stub.func_body();
        body.global_get(arrived).unop(ir::UnaryOp::I32Eqz).if_else(
            None,
            |then| {
                then.call(loader);
            },
            |_| {},
        );
        for &arg in &args {
            body.local_get(arg);
        }
        body.i32_const(slot[&function] as i32)
            .call_indirect(ty, table);
        primary.funcs.get_mut(function).kind = FunctionKind::Local(stub.local_func(args));
    }

    // A stub that nothing left in the primary calls (its callers moved too, and it has no table
    // entry or export) is dead weight: the rest calls the function itself.
    walrus::passes::gc::run(&mut primary);
    let primary_bytes = write(&mut primary, primary_path)?;
    let rest_bytes = write(&mut rest, rest_path)?;
    Ok(format!(
        "wasm-split: {} functions, {words_length} bytes of words and {data_bytes} bytes of other \
         data moved; primary {primary_bytes} bytes, rest {rest_bytes} bytes",
        moving.len()
    ))
}

fn whole(input: &str, output: &str) -> Result<String, String> {
    let mut module = read(input)?;
    later_words(&mut module)?;
    let bytes = write(&mut module, output)?;
    Ok(format!("wasm-split: left whole, {bytes} bytes"))
}

/// Has the profiled wasm report what it reads of memory, so that scripts/split_profile.mjs can
/// check that start-up reads none of the data that [`moved_data`] moves: before each load it
/// calls the import `perfil_cm_profile.read(address, offset)`, and before each `memory.copy`,
/// `perfil_cm_profile.copy(source, length)`. (Strings that the glue decodes, the script sees by
/// itself.)
fn record_reads(module: &mut Module) {
    let ty = module.types.add(&[ValType::I32, ValType::I32], &[]);
    let (read, _) = module.add_import_func("perfil_cm_profile", "read", ty);
    let (copy, _) = module.add_import_func("perfil_cm_profile", "copy", ty);
    /// Every instruction sequence of a function.
    struct Sequences(Vec<ir::InstrSeqId>);
    impl<'a> Visitor<'a> for Sequences {
        fn start_instr_seq(&mut self, seq: &'a ir::InstrSeq) {
            self.0.push(seq.id());
        }
    }
    let functions: Vec<FunctionId> = module.funcs.iter_local().map(|(id, _)| id).collect();
    for id in functions {
        let (address, source, length) = (
            module.locals.add(ValType::I32),
            module.locals.add(ValType::I32),
            module.locals.add(ValType::I32),
        );
        let FunctionKind::Local(local) = &mut module.funcs.get_mut(id).kind else {
            continue;
        };
        let mut sequences = Sequences(Vec::new());
        ir::dfs_in_order(&mut sequences, local, local.entry_block());
        for sequence in sequences.0 {
            let old = std::mem::take(&mut local.block_mut(sequence).instrs);
            let mut new = Vec::with_capacity(old.len());
            for (instr, at) in old {
                let before: Vec<ir::Instr> = match &instr {
                    // [address] -> [address], reported with the load's offset.
                    ir::Instr::Load(load) => vec![
                        ir::LocalTee { local: address }.into(),
                        ir::LocalGet { local: address }.into(),
                        ir::Const {
                            value: ir::Value::I32(load.arg.offset as i32),
                        }
                        .into(),
                        ir::Call { func: read }.into(),
                    ],
                    // [destination, source, length] -> the same, the source range reported.
                    ir::Instr::MemoryCopy(_) => vec![
                        ir::LocalSet { local: length }.into(),
                        ir::LocalSet { local: source }.into(),
                        ir::LocalGet { local: source }.into(),
                        ir::LocalGet { local: length }.into(),
                        ir::Call { func: copy }.into(),
                        ir::LocalGet { local: source }.into(),
                        ir::LocalGet { local: length }.into(),
                    ],
                    _ => Vec::new(),
                };
                new.extend(before.into_iter().map(|i| (i, at)));
                new.push((instr, at));
            }
            local.block_mut(sequence).instrs = new;
        }
    }
}

fn profile(input: &str, output: &str, names: &str) -> Result<String, String> {
    let mut module = read(input)?;
    later_words(&mut module)?;
    // Exported as in a split build, so that the profiled app's attempt to load the rest (which a
    // profiled build names but does not write) fails where a real failed download does, with the
    // browser's refusal, and the code that takes the refusal is profiled too.
    let (table, _) = function_table(&module)?;
    module.exports.add(FUNCTION_TABLE, table);
    let ty = module.types.add(&[ValType::I32], &[]);
    let (ran, _) = module.add_import_func("perfil_cm_profile", "ran", ty);
    record_reads(&mut module);
    let mut listing = String::new();
    let locals: Vec<FunctionId> = module.funcs.iter_local().map(|(id, _)| id).collect();
    for &id in &locals {
        let name = module
            .funcs
            .get(id)
            .name
            .as_deref()
            .map_or(String::new(), stable_name);
        listing.push_str(&format!("{}\t{name}\n", id.index()));
        if let FunctionKind::Local(local) = &mut module.funcs.get_mut(id).kind {
            local
                .builder_mut()
                .func_body()
                .instr_at(
                    0,
                    ir::Const {
                        value: ir::Value::I32(id.index() as i32),
                    },
                )
                .instr_at(1, ir::Call { func: ran });
        }
    }
    std::fs::write(names, listing).map_err(|e| format!("{names}: {e}"))?;
    let bytes = write(&mut module, output)?;
    Ok(format!(
        "wasm-split: {} functions instrumented, {bytes} bytes",
        locals.len()
    ))
}

#[cfg(test)]
mod tests {
    use walrus::{ConstExpr, DataKind, FunctionBuilder, Module, ValType, ir};

    use super::{NEAR, Object, function_table, hand_over, moved_data, read_map, stable_name};

    /// The lines of a wasm-ld map that matter: the output sections, their inputs and symbols.
    const MAP: &str = "\
    Addr      Off     Size Out     In      Symbol
       -     44a01    85f5b CODE
       -    ca95c    15a5a DATA
   20000    ca95d      40 .rodata
   20000    ca966       10         /x/app.o:(.rodata..Lanon.1)
   20000    ca966       10                 .Lanon.1
   20010    ca976        4         /x/app.o:(.rodata.WORDS)
   20010    ca976        4                 WORDS
   20014    ca9aa        c         <internal>:(.rodata)
   20020    ca9aa        0         /x/app.o:(.rodata..Lanon.2)
   20020    ca9aa        6         /x/app.o:(.rodata..Lanon.3)
   20030    e031a       10 .data
   20030    e031a       10         /x/app.o:(.data.STATE)
";

    #[test]
    fn the_map_gives_each_read_only_object_and_the_symbols() {
        let (objects, symbols) = read_map_text(MAP);
        assert_eq!(
            objects,
            vec![
                Object {
                    start: 0x20000,
                    end: 0x20010,
                    merged: false
                },
                Object {
                    start: 0x20010,
                    end: 0x20014,
                    merged: false
                },
                Object {
                    start: 0x20014,
                    end: 0x20020,
                    merged: true
                },
                Object {
                    start: 0x20020,
                    end: 0x20026,
                    merged: false
                },
            ]
        );
        assert_eq!(symbols.get("WORDS"), Some(&0x20010));
        assert_eq!(symbols.get(".Lanon.1"), Some(&0x20000));
    }

    fn read_map_text(text: &str) -> (Vec<Object>, std::collections::HashMap<String, u32>) {
        let path = std::env::temp_dir().join(format!("wasm-split-test-{}.map", std::process::id()));
        std::fs::write(&path, text).unwrap();
        let read = read_map(path.to_str().unwrap()).unwrap();
        std::fs::remove_file(&path).unwrap();
        read
    }

    /// Eight objects of 16 bytes from 1024; object 1 holds a pointer to object 2.
    fn module_with(body: impl FnOnce(&mut walrus::InstrSeqBuilder)) -> (Module, Vec<Object>) {
        let mut module = Module::default();
        let memory = module.memories.add_local(false, false, 1, None, None);
        let mut bytes = vec![1u8; 8 * 16];
        bytes[16..20].copy_from_slice(&(1024u32 + 32).to_le_bytes());
        let offset = ConstExpr::Value(ir::Value::I32(1024));
        let data = module.data.add(DataKind::Active { memory, offset }, bytes);
        module.memories.get_mut(memory).data_segments.insert(data);
        let mut function = FunctionBuilder::new(&mut module.types, &[], &[ValType::I32]);
        body(&mut function.func_body());
        function.finish(vec![], &mut module.funcs);
        let objects = (0..8)
            .map(|i| Object {
                start: 1024 + 16 * i,
                end: 1040 + 16 * i,
                merged: false,
            })
            .collect();
        (module, objects)
    }

    fn moved(module: &Module, objects: &[Object]) -> Vec<(u32, u32)> {
        let staying = module
            .funcs
            .iter_local()
            .map(|(id, _)| id)
            .collect::<Vec<_>>();
        moved_data(module, objects, staying.into_iter(), (0, 0))
    }

    #[test]
    fn data_stays_when_staying_code_names_it_or_staying_data_points_to_it() {
        // Object 1 by its address, object 2 through object 1's pointer, object 5 by the
        // pointer half of a 64-bit constant (a `&str` stored at once): 0, 3, 4, 6, 7 move.
        let (module, objects) = module_with(|body| {
            body.i32_const(1024 + 16)
                .drop()
                .i64_const(((9u64) << 32 | (1024 + 80)) as i64)
                .drop()
                .i32_const(0);
        });
        assert_eq!(
            moved(&module, &objects),
            vec![(1024, 1040), (1072, 1104), (1120, 1152)]
        );
    }

    #[test]
    fn an_address_to_which_an_index_is_added_keeps_its_neighbours() {
        // An index added to an address in object 4 may reach NEAR bytes to either side.
        let (module, objects) = module_with(|body| {
            body.i32_const(1024 + 64)
                .i32_const(8)
                .binop(ir::BinaryOp::I32Add);
        });
        let reach = NEAR.div_ceil(16);
        let kept_from = 1024 + 64 - 16 * reach;
        let kept_to = 1024 + 80 + 16 * reach;
        let moved = moved(&module, &objects);
        for (start, end) in moved {
            assert!(end <= kept_from || start >= kept_to, "{start}..{end} moved");
        }
    }

    #[test]
    fn merged_data_never_moves() {
        let (module, mut objects) = module_with(|body| {
            body.i32_const(0);
        });
        objects[0].merged = true;
        // Object 0 holds no pointer, so only it stays; everything else moves, in one range.
        assert_eq!(moved(&module, &objects), vec![(1040, 1152)]);
    }

    #[test]
    fn a_name_loses_what_changes_between_builds_and_keeps_the_rest() {
        assert_eq!(
            stable_name("perfil_cm::scoring::score::h0123456789abcdef"),
            "perfil_cm::scoring::score"
        );
        assert_eq!(
            stable_name(
                "<std[e38f566c1b9b1061]::panic::PanicHookInfo as core[a445deb5fa7d278a]::fmt::Display>::fmt"
            ),
            "<std::panic::PanicHookInfo as core::fmt::Display>::fmt"
        );
        assert_eq!(stable_name("memcpy.llvm.1234"), "memcpy");
        // Not hashes: too short, not hexadecimal, or not closed.
        assert_eq!(stable_name("a::hello"), "a::hello");
        assert_eq!(stable_name("x[T; 4]::f"), "x[T; 4]::f");
        assert_eq!(stable_name("x[0123456789abcdeg]"), "x[0123456789abcdeg]");
        assert_eq!(stable_name("x[0123"), "x[0123");
    }

    /// A module with a table of four functions' slots, of which a segment fills 1 and 2.
    fn module_with_table() -> (Module, Vec<walrus::FunctionId>, walrus::TableId) {
        let mut module = Module::default();
        let functions: Vec<_> = (0..4)
            .map(|i| {
                let mut function = FunctionBuilder::new(&mut module.types, &[], &[ValType::I32]);
                function.func_body().i32_const(i);
                function.finish(vec![], &mut module.funcs)
            })
            .collect();
        let table = module
            .tables
            .add_local(false, 4, Some(4), walrus::RefType::FUNCREF);
        let segment = module.elements.add(
            walrus::ElementKind::Active {
                table,
                offset: ConstExpr::Value(ir::Value::I32(1)),
            },
            walrus::ElementItems::Functions(vec![functions[0], functions[1]]),
        );
        module.tables.get_mut(table).elem_segments.insert(segment);
        (module, functions, table)
    }

    #[test]
    fn functions_are_handed_over_in_their_slots_and_the_others_at_the_end_of_the_table() {
        let (mut module, f, table) = module_with_table();
        let (found, mut slots) = function_table(&module).unwrap();
        assert_eq!(found, table);
        assert_eq!((slots[&f[0]], slots[&f[1]]), (1, 2));
        hand_over(&mut module, table, &mut slots, &[f[3], f[1], f[2], f[3]]);
        assert_eq!(
            (slots[&f[0]], slots[&f[1]], slots[&f[2]], slots[&f[3]]),
            (1, 2, 4, 5)
        );
        let table = module.tables.get(table);
        assert_eq!((table.initial, table.maximum), (6, Some(6)));
        assert_eq!(table.elem_segments.len(), 2);
    }

    #[test]
    fn two_tables_of_functions_are_refused() {
        let (mut module, f, _) = module_with_table();
        let other = module
            .tables
            .add_local(false, 1, None, walrus::RefType::FUNCREF);
        let segment = module.elements.add(
            walrus::ElementKind::Active {
                table: other,
                offset: ConstExpr::Value(ir::Value::I32(0)),
            },
            walrus::ElementItems::Functions(vec![f[3]]),
        );
        module.tables.get_mut(other).elem_segments.insert(segment);
        assert!(function_table(&module).is_err());
    }
}
