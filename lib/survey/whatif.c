/* What-if goal seeking (egdi/whatif.h): bisection on "the target is reached
 * with value v" for one unit, on one evaluation context of the edition's plan.
 * Each step sets the unit's value, re-runs what changed and ranks the EGDI as
 * the ranking table does (table.c): rounded to the rank precision, competition
 * ranks, groups on the rounded value, rating classes as egdi_rating_classes()
 * within the unit's group. No step allocates. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "data/data.h"
#include "stats/stats.h"
#include "survey/survey.h"

#define DEFAULT_TOLERANCE 1e-10
#define MAX_STEPS 200 /* bisection steps; the tolerance or the double resolution ends it first */

static const size_t options_sizes[] = {
    0, offsetof(egdi_whatif_options, tolerance) + sizeof(double)};
static const size_t answer_sizes[] = {
    0, offsetof(egdi_whatif_answer, evaluations) + sizeof(size_t)};
#define N_VERSIONS 2

static void option_defaults(egdi_whatif_options *o)
{
    memset(o, 0, sizeof *o);
    o->version = EGDI_WHATIF_OPTIONS_VERSION;
    o->input = EGDI_INPUT_COMPONENTS;
    o->lower = NAN;
    o->upper = NAN;
}

egdi_status egdi_whatif_options_init_version(egdi_whatif_options *opts, unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    egdi_whatif_options d;
    option_defaults(&d);
    return egdi__versioned_init(opts, &d, options_sizes, N_VERSIONS, version,
                                "egdi_whatif_options");
}

/* What one evaluation gives for the unit. */
typedef struct state {
    int rank, group, cls;
    double egdi;
} state;

/* The search: one evaluation context, its scratch space, the ranking rules. */
typedef struct search {
    egdi_eval *ev;
    size_t n, unit, egdi, node[3];
    int uniform;     /* vary all three components by the same increase */
    double base[3];  /* uniform: the components now */
    const egdi__survey_rules *rules; /* rank precision, thresholds, classes */
    egdi_whatif_target target;
    int goal;
    double *x, *sorted;
    int *groups;
    egdi__kv *kv; /* 2 n: pairs and the sort's scratch */
    size_t evaluations;
} search;

/* The unit's rating class, as egdi_rating_classes() gives it: the quartiles of
 * the (rounded) EGDI of its group, the unit included. */
static egdi_status unit_class(search *s, state *out)
{
    int g = s->groups[s->unit];
    size_t m = 0;
    for (size_t j = 0; j < s->n; j++)
        if (s->groups[j] == g) {
            s->kv[m].key = s->x[j];
            s->kv[m++].pos = j;
        }
    egdi__sort_kv_desc(s->kv, m, s->kv + s->n);
    for (size_t r = 0; r < m; r++)
        s->sorted[r] = s->kv[m - 1 - r].key; /* ascending */
    double q[3];
    egdi_status st = egdi__quartiles(s->sorted, m, s->rules->info.quantile_type, q);
    out->cls = st == EGDI_OK ? egdi__rating_class(g, s->x[s->unit], q) : 0;
    return st;
}

/* Run what changed and measure the unit. */
static egdi_status measure(search *s, state *out)
{
    s->evaluations++;
    egdi_status st = egdi_eval_run(s->ev);
    st = st ? st : egdi_eval_get_scores(s->ev, s->egdi, s->x, s->n);
    if (st != EGDI_OK)
        return st;
    out->egdi = s->x[s->unit];
    out->rank = out->group = out->cls = 0;
    int decimals = s->rules->info.rank_decimals;
    if (decimals >= 0)
        st = egdi_round(s->x, s->n, decimals, s->x);
    st = st ? st : egdi_groups(s->x, s->n, s->rules->thresholds, s->groups);
    double mine = s->x[s->unit];
    if (st != EGDI_OK || isnan(mine))
        return st;
    int above = 0; /* competition rank: 1 + the units strictly above (NaN never is) */
    for (size_t j = 0; j < s->n; j++)
        above += s->x[j] > mine;
    out->rank = above + 1;
    out->group = s->groups[s->unit];
    return s->rules->info.has_rating_classes && out->group ? unit_class(s, out) : EGDI_OK;
}

/* Set the unit's value (uniform: the increase) and measure. */
static egdi_status evaluate(search *s, double v, state *out)
{
    egdi_status st = EGDI_OK;
    if (!s->uniform)
        st = egdi_eval_set_value(s->ev, s->unit, s->node[0], v);
    for (int k = 0; k < 3 && s->uniform && st == EGDI_OK; k++) {
        double b = s->base[k]; /* each component rises to 1 at most (never falls) */
        st = egdi_eval_set_value(s->ev, s->unit, s->node[k], b >= 1 ? b : fmin(b + v, 1.0));
    }
    return st ? st : measure(s, out);
}

/* rank_goal 0: the search's target; > 0: a rank of at most rank_goal. */
static int reached(const search *s, const state *t, int rank_goal)
{
    if (rank_goal || s->target == EGDI_WHATIF_RANK) {
        int goal = rank_goal ? rank_goal : s->goal;
        return t->rank > 0 && t->rank <= goal;
    }
    return s->target == EGDI_WHATIF_GROUP ? t->group >= s->goal : t->cls >= s->goal;
}

/* The smallest v in [a, b] that reaches the goal, to the tolerance: b reaches
 * it; a is tried first (the answer when it reaches it), then bisection keeps
 * "a does not reach, b does" until b - a <= tol. */
static egdi_status bisect(search *s, double a, double b, double tol, int rank_goal,
                          double *out)
{
    state t;
    egdi_status st = evaluate(s, a, &t);
    if (st == EGDI_OK && reached(s, &t, rank_goal))
        b = a;
    for (int k = 0; k < MAX_STEPS && st == EGDI_OK && b - a > tol; k++) {
        double m = a + 0.5 * (b - a);
        if (m <= a || m >= b)
            break; /* a and b are neighbouring doubles */
        st = evaluate(s, m, &t);
        if (st == EGDI_OK && reached(s, &t, rank_goal))
            b = m;
        else
            a = m;
    }
    *out = b;
    return st;
}

/* The natural upper bound of a raw indicator of the edition, NaN if it has
 * none; 0 if code is not one of its raw indicators. */
static double natural_upper(int edition, const egdi_edition_info *e, const char *code)
{
    static const char *const percent[] = {"internet_users", "online_population",
                                          "adult_literacy", "gross_enrolment"};
    const char *ind;
    int known = strcmp(code, "osi") == 0 || strcmp(code, "osi_raw") == 0, tii = 0;
    for (size_t k = 0; (ind = egdi_survey_indicator(edition, "tii", k)) != NULL; k++)
        known |= tii |= strcmp(code, ind) == 0;
    for (size_t k = 0; (ind = egdi_survey_indicator(edition, "hci", k)) != NULL; k++)
        known |= strcmp(code, ind) == 0;
    if (!known)
        return 0;
    for (size_t k = 0; k < sizeof percent / sizeof *percent; k++)
        if (strcmp(code, percent[k]) == 0)
            return 100;
    if (strcmp(code, "expected_years") == 0)
        return 18;
    if (strcmp(code, "mean_years") == 0)
        return 15;
    return tii ? e->tii_cap : NAN; /* the other TII indicators count per 100 inhabitants */
}

egdi_status egdi_whatif_natural_bounds(int edition, egdi_survey_input input, const char *vary,
                                       double *lower, double *upper)
{
    EGDI_CHECK_ARG(vary && lower && upper, "vary/lower/upper");
    egdi_edition_info e = {.version = EGDI_EDITION_INFO_VERSION};
    egdi_status st = egdi_survey_edition_info(edition, &e);
    if (st != EGDI_OK)
        return st;
    *lower = 0, *upper = 1;
    if (input == EGDI_INPUT_COMPONENTS) {
        static const char *const ok[] = {"osi", "tii", "hci", "uniform"};
        for (size_t k = 0; k < 4; k++)
            if (strcmp(vary, ok[k]) == 0)
                return EGDI_OK;
        return egdi__fail(EGDI_ERR_NOT_FOUND, "vary '%s': not a component; vary osi, tii, hci "
                          "or uniform", vary);
    }
    if (input != EGDI_INPUT_RAW)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "unknown input kind %d", (int)input);
    *upper = natural_upper(edition, &e, vary);
    if (*upper == 0)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "vary '%s': not a raw indicator of edition %d",
                          vary, edition);
    return EGDI_OK;
}

/* The indicators of idx as "a, b, c" for a message. */
static void indicator_list(const egdi_index *idx, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < egdi_index_n_nodes(idx) && len < size; k++)
        if (egdi_index_node_is_indicator(idx, k) == 1) {
            int w = snprintf(buf + len, size - len, "%s%s", len ? ", " : "",
                             egdi_index_node_code(idx, k));
            len += w > 0 ? (size_t)w : 0;
        }
}

/* The node(s) varied; s->uniform for "uniform". */
static egdi_status find_vary(const egdi_index *idx, const egdi_plan *plan,
                             egdi_survey_input input, const char *vary, search *s)
{
    static const char *const comps[3] = {"osi", "tii", "hci"};
    egdi_status st = EGDI_OK;
    char list[512];
    indicator_list(idx, list, sizeof list);
    if (strcmp(vary, "uniform") == 0) {
        if (input != EGDI_INPUT_COMPONENTS)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "vary 'uniform' raises the three components:"
                              " it needs the components input");
        s->uniform = 1;
        for (int k = 0; k < 3 && st == EGDI_OK; k++)
            st = egdi_plan_find_node(plan, comps[k], &s->node[k]);
        return st;
    }
    const char *code = input == EGDI_INPUT_RAW && strcmp(vary, "osi_raw") == 0 ? "osi" : vary;
    size_t k;
    if (egdi_index_find_node(idx, code, &k) != EGDI_OK || strcmp(code, "egdi") == 0)
        return egdi__fail(EGDI_ERR_NOT_FOUND, "vary '%s': not %s of the edition; vary %s%s", vary,
                          input == EGDI_INPUT_RAW ? "a raw indicator" : "a component", list,
                          input == EGDI_INPUT_COMPONENTS ? " or uniform" : "");
    if (egdi_index_node_is_indicator(idx, k) != 1)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "vary '%s': it is computed from raw indicators;"
                          " vary one of them (%s), or use the components input", vary, list);
    return egdi_plan_find_node(plan, code, &s->node[0]);
}

/* The plan of the edition as the ranking table computes it (the same tree,
 * imputation and assessed units; the data refused as the table refuses it)
 * and the unit's position in it. */
static egdi_status make_plan(const egdi__survey_rules *r, egdi_survey_input input,
                             const egdi_dataset *data, const char *unit, egdi_index **idx,
                             egdi_plan **plan, size_t *pos)
{
    egdi_dataset *sub = NULL;
    egdi_status st = egdi__survey_prepare(r, input, data, idx, &sub, NULL);
    if (st != EGDI_OK)
        return st;
    size_t row = 0;
    if (egdi_dataset_find_unit(data, unit, &row) != EGDI_OK &&
        egdi_dataset_find_unit_by_name(data, unit, &row) != EGDI_OK)
        st = egdi__fail(EGDI_ERR_NOT_FOUND, "no unit '%s' in the data (by code or name)", unit);
    st = st ? st : egdi_plan_new(*idx, sub ? sub : data, plan);
    const char *code = st == EGDI_OK ? egdi_dataset_unit_code(data, row) : NULL;
    if (st == EGDI_OK && egdi_plan_find_unit(*plan, code, pos) != EGDI_OK)
        st = egdi__fail(EGDI_ERR_DATA, "unit '%s' is not assessed: it has no value for any "
                        "indicator", unit);
    egdi_dataset_free(sub);
    return st;
}

/* The range searched: [lower, upper] of the options, or the natural one. */
static egdi_status bounds(const egdi_whatif_options *o, const char *code, const search *s,
                          double *lo, double *hi)
{
    const egdi_edition_info *e = &s->rules->info;
    int edition = e->edition;
    double nat = 1;
    if (s->uniform)
        nat = fmax(0, 1 - fmin(s->base[0], fmin(s->base[1], s->base[2])));
    else if (o->input == EGDI_INPUT_RAW)
        nat = natural_upper(edition, e, code); /* a node of the raw tree: never 0 */
    *lo = isnan(o->lower) ? 0 : o->lower;
    *hi = isnan(o->upper) ? nat : o->upper;
    if (isnan(*hi))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "vary '%s': the raw indicator has no natural "
                          "upper bound in edition %d; give one (option upper; egdi: --upper)",
                          code, edition);
    if (!isfinite(*lo) || !isfinite(*hi) || *lo > *hi)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "vary '%s': bounds [%g, %g] are not a range",
                          code, *lo, *hi);
    if (*lo < 0 && (s->uniform || o->input == EGDI_INPUT_RAW)) /* every raw indicator is >= 0 */
        return egdi__fail(EGDI_ERR_INVALID_ARG, "vary '%s': lower bound %g is below 0, the "
                          "natural lower bound of %s", code, *lo,
                          s->uniform ? "the increase" : "a raw indicator");
    if (o->input == EGDI_INPUT_COMPONENTS && !s->uniform && !s->rules->o.allow_out_of_range &&
        (*lo < 0 || *hi > 1))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "vary '%s': bounds [%g, %g] leave [0, 1], where "
                          "components lie (allow_out_of_range allows it)", code, *lo, *hi);
    return EGDI_OK;
}

/* Check the arguments that need no data. */
static egdi_status check_target(const egdi_edition_info *e, egdi_whatif_target target, int goal,
                                size_t n_units)
{
    if (target == EGDI_WHATIF_RANK && (goal < 1 || (size_t)goal > n_units))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "target rank %d is not 1..%zu", goal, n_units);
    if (target == EGDI_WHATIF_GROUP && (goal < EGDI_GROUP_LOW || goal > EGDI_GROUP_VERY_HIGH))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "target group %d is not 1 (Low) .. 4 (Very "
                          "High)", goal);
    if (target == EGDI_WHATIF_CLASS && !e->has_rating_classes)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "edition %d has no rating classes (2020 on)",
                          e->edition);
    if (target == EGDI_WHATIF_CLASS && (goal < 1 || goal > 16))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "target rating class %d is not 1 (L1) .. 16 "
                          "(VH)", goal);
    if (target < EGDI_WHATIF_RANK || target > EGDI_WHATIF_CLASS)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "unknown target kind %d", (int)target);
    return EGDI_OK;
}

/* The search proper, on a ready context: fills a. */
static egdi_status solve(search *s, double cur_value, double lo, double hi, double tol,
                         egdi_whatif_answer *a)
{
    state cur, best, got;
    egdi_status st = measure(s, &cur);
    double start = isnan(cur_value) ? lo : fmax(cur_value, lo);
    hi = fmax(hi, start);
    st = st ? st : evaluate(s, hi, &best);
    if (st == EGDI_OK && isnan(best.egdi))
        return egdi__fail(EGDI_ERR_DATA, "the unit has no EGDI whatever the value: another "
                          "component or indicator of it is missing");
    if (st != EGDI_OK)
        return st;
    a->current_value = cur_value, a->current_rank = cur.rank, a->current_egdi = cur.egdi;
    a->current_group = cur.group, a->current_class = cur.cls;
    a->lower = lo, a->upper = hi;
    a->best_rank = best.rank, a->best_group = best.group, a->best_class = best.cls;
    if (reached(s, &cur, best.rank))
        a->best_value = cur_value;
    else
        st = bisect(s, start, hi, tol, best.rank, &a->best_value);
    a->value = NAN, a->egdi = NAN;
    a->rank = a->group = a->rating_class = 0;
    a->already_met = reached(s, &cur, 0);
    a->reachable = a->already_met || reached(s, &best, 0);
    if (st != EGDI_OK || !a->reachable)
        return st;
    if (a->already_met)
        got = cur, a->value = cur_value;
    else
        st = bisect(s, start, hi, tol, 0, &a->value);
    if (st == EGDI_OK && !a->already_met)
        st = evaluate(s, a->value, &got); /* a fresh evaluation of the answer */
    a->rank = got.rank, a->egdi = got.egdi, a->group = got.group, a->rating_class = got.cls;
    return st;
}

egdi_status egdi_whatif_solve(int edition, const egdi_dataset *data, const char *unit,
                              const char *vary, egdi_whatif_target target, int target_value,
                              const egdi_whatif_options *opts, egdi_whatif_answer *out)
{
    EGDI_CHECK_ARG(data && unit && vary && out, "data/unit/vary/out");
    unsigned v = egdi__struct_version(out);
    if (v == 0 || v >= N_VERSIONS)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_whatif_answer: version %u, expected 1..%d",
                          v, N_VERSIONS - 1);
    egdi_whatif_options o, d;
    option_defaults(&d);
    egdi__survey_rules rules; /* the edition and survey options, as the ranking table's */
    egdi_status st = egdi__versioned_read(&o, &d, opts, options_sizes, N_VERSIONS,
                                          "egdi_whatif_options");
    st = st ? st : egdi__survey_rules_resolve(edition, o.survey, &rules);
    if (st != EGDI_OK)
        return st;
    double tol = o.tolerance == 0 ? DEFAULT_TOLERANCE : o.tolerance;
    if (!(tol > 0) || !isfinite(tol))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "tolerance %g is not a positive number", tol);
    if (o.input != EGDI_INPUT_COMPONENTS && o.input != EGDI_INPUT_RAW)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "unknown input kind %d", (int)o.input);
    st = check_target(&rules.info, target, target_value, egdi_dataset_n_units(data));
    if (st != EGDI_OK)
        return st;

    search s = {0};
    s.target = target, s.goal = target_value;
    s.rules = &rules;
    egdi_index *idx = NULL;
    egdi_plan *plan = NULL;
    st = make_plan(&rules, o.input, data, unit, &idx, &plan, &s.unit);
    st = st ? st : find_vary(idx, plan, o.input, vary, &s);
    st = st ? st : egdi_eval_new(plan, &s.ev);
    s.n = plan ? egdi_plan_n_units(plan) : 0;
    s.x = egdi__mallocarray(s.n, sizeof *s.x);
    s.sorted = egdi__mallocarray(s.n, sizeof *s.sorted);
    s.groups = egdi__mallocarray(s.n, sizeof *s.groups);
    s.kv = egdi__mallocarray(s.n, 2 * sizeof *s.kv);
    if (st == EGDI_OK && !(s.x && s.sorted && s.groups && s.kv))
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    st = st ? st : egdi_plan_find_node(plan, "egdi", &s.egdi);
    st = st ? st : egdi_eval_run(s.ev);
    /* the values the computation uses now (imputed where imputation filled them) */
    for (int k = 0; k < (s.uniform ? 3 : 1) && st == EGDI_OK; k++) {
        st = egdi_eval_get_stage(s.ev, s.node[k], EGDI_STAGE_IMPUTED, s.x, s.n);
        s.base[k] = st == EGDI_OK ? s.x[s.unit] : NAN;
        if (st == EGDI_OK && s.uniform && isnan(s.base[k]))
            st = egdi__fail(EGDI_ERR_DATA, "the unit has no value for %s: a uniform increase "
                            "needs all three components", egdi_plan_node_code(plan, s.node[k]));
    }
    double lo = 0, hi = 0;
    const char *code = s.uniform ? "uniform" : vary;
    st = st ? st : bounds(&o, code, &s, &lo, &hi);
    egdi_whatif_answer a;
    memset(&a, 0, sizeof a);
    a.version = EGDI_WHATIF_ANSWER_VERSION;
    st = st ? st : solve(&s, s.uniform ? 0.0 : s.base[0], lo, hi, tol, &a);
    a.evaluations = s.evaluations;
    if (st != EGDI_OK)
        egdi__error_prefix("what-if for '%s', varying '%s': ", unit, vary);
    free(s.x), free(s.sorted), free(s.groups), free(s.kv);
    egdi_eval_free(s.ev);
    egdi_plan_free(plan);
    egdi_index_free(idx);
    if (st != EGDI_OK)
        return st;
    return egdi__versioned_write(out, &a, answer_sizes, N_VERSIONS, "egdi_whatif_answer");
}
