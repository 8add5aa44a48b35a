// Dynamic modules (nginx 1.9.11 and later) are not in the global ngx_modules[]
// and not counted by ngx_max_module: code that walks the modules must use the
// cycle's list.  In a function where a cycle is in scope (a parameter or a
// local variable of type ngx_cycle_t *), this rewrites
//   - a loop that numbers the modules of a type by hand into ctx_index
//     -> ngx_count_modules(cycle, TYPE), which numbers them the same way;
//   - ngx_modules -> cycle->modules;
//   - ngx_max_module -> cycle->modules_n.
// It adds no #if guard: the result is the code for nginx 1.9.11 and later.
// Run: spatch --sp-file ngx_modules.cocci FILE.c (the tests do, on a copy).
//
// SmPL has no disjunction of function definitions, so the rules come twice:
// once for a cycle parameter, once for a cycle local variable.
// The counting loop is matched whole first, then replaced through its
// position: one rule that removes it and adds the call leaves a stray brace
// behind (spatch 1.1.1).

@cycle_param@
identifier fn, cycle;
@@
fn(..., ngx_cycle_t *cycle, ...) { ... }

@count_loop_param@
identifier cycle_param.fn;
identifier m, max;
expression kind;
position p;
@@
fn(...) {
  ... when any
  max = 0;
  for@p (m = 0; ngx_modules[m]; m++) {
      if (ngx_modules[m]->type != kind) {
          continue;
      }
      ngx_modules[m]->ctx_index = max++;
  }
  ... when any
}

@depends on count_loop_param@
identifier cycle_param.cycle;
identifier count_loop_param.m, count_loop_param.max;
expression count_loop_param.kind;
position count_loop_param.p;
statement S;
@@
- max = 0;
- for@p (m = 0; ngx_modules[m]; m++) S
+ max = ngx_count_modules(cycle, kind);

@depends on cycle_param@
identifier cycle_param.fn, cycle_param.cycle;
@@
fn(...) {
<...
(
- ngx_modules
+ cycle->modules
|
- ngx_max_module
+ cycle->modules_n
)
...>
}

@cycle_local@
identifier fn, cycle;
@@
fn(...) { ... ngx_cycle_t *cycle; ... }

@count_loop_local@
identifier cycle_local.fn;
identifier m, max;
expression kind;
position p;
@@
fn(...) {
  ... when any
  max = 0;
  for@p (m = 0; ngx_modules[m]; m++) {
      if (ngx_modules[m]->type != kind) {
          continue;
      }
      ngx_modules[m]->ctx_index = max++;
  }
  ... when any
}

@depends on count_loop_local@
identifier cycle_local.cycle;
identifier count_loop_local.m, count_loop_local.max;
expression count_loop_local.kind;
position count_loop_local.p;
statement S;
@@
- max = 0;
- for@p (m = 0; ngx_modules[m]; m++) S
+ max = ngx_count_modules(cycle, kind);

@depends on cycle_local@
identifier cycle_local.fn, cycle_local.cycle;
@@
fn(...) {
<...
(
- ngx_modules
+ cycle->modules
|
- ngx_max_module
+ cycle->modules_n
)
...>
}
