// Dynamic modules (nginx 1.9.11 and later) are not in the global ngx_modules[]:
// code that walks the modules must use the cycle's list.  In a function where
// a cycle is in scope, this rewrites
//   - a loop that numbers the modules of a type by hand into ctx_index
//     -> ngx_count_modules(CYCLE, TYPE), which numbers them the same way;
//   - ngx_modules -> CYCLE->modules;
//   - ngx_max_module as the bound of a walk over the modules
//     (i < ngx_max_module) -> i < CYCLE->modules_n.  Since 1.9.11
//     ngx_max_module also counts room for 128 dynamic modules: it is the bound
//     of a module's index, so an array indexed by module index may keep it
//     (nginx sizes cycle->conf_ctx with it), and is left alone.
// The cycle in scope, in this order of preference: a parameter
// ngx_cycle_t *NAME; a local ngx_cycle_t *NAME initialized where it is
// declared (a local assigned later may not be set yet at the use); the
// cycle being configured, cf->cycle, of a parameter ngx_conf_t *cf.  (The
// global ngx_cycle is never used: while a configuration is read it is still
// the old cycle.)
// It adds no #if guard: the result is the code for nginx 1.9.11 and later.
// Run: spatch --sp-file ngx_modules.cocci --in-place --dir DIR (the tests do,
// on a copy of each fixture).
//
// SmPL has no disjunction of function definitions, so the rules come once per
// kind of cycle; once a kind has rewritten a function, nothing is left there
// for the next.  The counting loop is matched whole first, then replaced
// through its position: one rule that removes it and adds the call leaves a
// stray brace behind (spatch 1.1.1).

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
expression i;
@@
fn(...) {
<...
(
- ngx_modules
+ cycle->modules
|
  i <
- ngx_max_module
+ cycle->modules_n
)
...>
}

@cycle_local@
identifier fn, cycle;
expression init;
@@
fn(...) { ... ngx_cycle_t *cycle = init; ... }

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
expression i;
@@
fn(...) {
<...
(
- ngx_modules
+ cycle->modules
|
  i <
- ngx_max_module
+ cycle->modules_n
)
...>
}

@cycle_conf@
identifier fn, cf;
@@
fn(..., ngx_conf_t *cf, ...) { ... }

@count_loop_conf@
identifier cycle_conf.fn;
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

@depends on count_loop_conf@
identifier cycle_conf.cf;
identifier count_loop_conf.m, count_loop_conf.max;
expression count_loop_conf.kind;
position count_loop_conf.p;
statement S;
@@
- max = 0;
- for@p (m = 0; ngx_modules[m]; m++) S
+ max = ngx_count_modules(cf->cycle, kind);

@depends on cycle_conf@
identifier cycle_conf.fn, cycle_conf.cf;
expression i;
@@
fn(...) {
<...
(
- ngx_modules
+ cf->cycle->modules
|
  i <
- ngx_max_module
+ cf->cycle->modules_n
)
...>
}
