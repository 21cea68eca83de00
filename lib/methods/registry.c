/* The method registry: lookup by step and id or name, parameters from
 * numbers or "key=value" text with defaults, bounds, keywords and unit
 * codes, the public enumeration, and the array-level functions that run any
 * method on plain arrays. Every method lives in one of the step tables
 * (normalise.c, aggregate.c, impute.c); nothing here names a particular
 * method. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "methods/methods.h"

typedef struct step_table {
    const egdi__method *methods;
    const size_t *n;
    const char *name;          /* "normalise" */
    const char *params_column; /* iMeta column of its parameters */
} step_table;

static const step_table steps[EGDI__N_STEPS] = {
    [EGDI_STEP_IMPUTE] = {egdi__impute_methods, &egdi__n_impute_methods, "impute", NULL},
    [EGDI_STEP_NORMALISE] = {egdi__normalise_methods, &egdi__n_normalise_methods, "normalise",
                             "NormParams"},
    [EGDI_STEP_AGGREGATE] = {egdi__aggregate_methods, &egdi__n_aggregate_methods, "aggregate",
                             "AggParams"},
};

static const step_table *table(egdi_step step)
{
    return (unsigned)step < EGDI__N_STEPS ? &steps[step] : NULL;
}

const egdi__method *egdi__method_get(egdi_step step, int id)
{
    const step_table *t = table(step);
    if (!t || id < 0 || (size_t)id >= *t->n)
        return NULL;
    return &t->methods[id]; /* each table is indexed by id */
}

const egdi__method *egdi__method_by_name(egdi_step step, const char *name)
{
    const step_table *t = table(step);
    for (size_t k = 0; t && name && k < *t->n; k++)
        if (strcmp(t->methods[k].name, name) == 0)
            return &t->methods[k];
    return NULL;
}

const char *egdi__method_names(egdi_step step, char *buf, size_t size)
{
    const step_table *t = table(step);
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; t && k < *t->n && used < size; k++) {
        int w = snprintf(buf + used, size - used, "%s%s", k ? "|" : "", t->methods[k].name);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return buf;
}

const char *egdi__step_params_column(egdi_step step)
{
    const step_table *t = table(step);
    return t ? t->params_column : NULL;
}

/* The keywords of a EGDI__P_KEYWORD parameter: the summary up to its first ':'. */
static size_t keyword_count(const egdi__param *q)
{
    size_t n = 1;
    for (const char *c = q->summary; *c && *c != ':'; c++)
        n += *c == '|';
    return n;
}

/* Keyword k of q as (start, length); 0 if there is none. */
static int keyword_at(const egdi__param *q, size_t k, const char **word, size_t *len)
{
    const char *c = q->summary;
    for (size_t i = 0; i < k; i++) {
        c += strcspn(c, "|:");
        if (*c != '|')
            return 0;
        c++;
    }
    *word = c;
    *len = strcspn(c, "|:");
    return 1;
}

/* Defaults in, then bounds, kinds and the method's own rules. unit_code: the
 * unit parameter was given as a code (its value is resolved later). */
static egdi_status check_params(const egdi__method *m, const double *p, const int *given,
                                int unit_code, const char *node)
{
    for (size_t k = 0; k < m->n_params; k++) {
        const egdi__param *q = &m->params[k];
        if (!given[k] && isnan(q->dflt))
            return egdi__fail(EGDI_ERR_INVALID_INDEX,
                              "node '%s': %s needs the parameter '%s' (%s takes %zu to %zu "
                              "parameters, not fewer)", node, m->name, q->name, m->name,
                              m->n_required, m->n_params);
        if (unit_code && (q->flags & EGDI__P_UNIT))
            continue;
        int lo_open = (q->flags & EGDI__P_LO_OPEN) != 0;
        if (!isfinite(p[k]))
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': parameter %zu ('%s') of %s is "
                              "not finite", node, k + 1, q->name, m->name);
        if ((!isnan(q->lo) && (lo_open ? !(p[k] > q->lo) : !(p[k] >= q->lo))) ||
            (!isnan(q->hi) && !(p[k] <= q->hi)))
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid %s parameters: %s = %g "
                              "is outside %s%g, %g]", node, m->name, q->name, p[k],
                              lo_open ? "(" : "[", isnan(q->lo) ? -INFINITY : q->lo,
                              isnan(q->hi) ? INFINITY : q->hi);
        if ((q->flags & (EGDI__P_INTEGER | EGDI__P_KEYWORD | EGDI__P_UNIT)) &&
            p[k] != floor(p[k]))
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid %s parameters: %s = %g "
                              "must be a whole number", node, m->name, q->name, p[k]);
        if ((q->flags & EGDI__P_KEYWORD) && !(p[k] >= 0 && p[k] < (double)keyword_count(q)))
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid %s parameters: %s = %g: "
                              "give one of %.*s (or its position from 0)", node, m->name,
                              q->name, p[k], (int)strcspn(q->summary, ":"), q->summary);
    }
    return m->check ? m->check(p, node) : EGDI_OK;
}

egdi_status egdi__method_params(const egdi__method *m, const double *given, size_t n_given,
                                const char *node, double *p)
{
    if (n_given > m->n_params || n_given < m->n_required)
        return egdi__fail(EGDI_ERR_INVALID_INDEX,
                          "node '%s': %s takes %zu to %zu parameters, not %zu", node, m->name,
                          m->n_required, m->n_params, n_given);
    int seen[EGDI__MAX_PARAMS] = {0};
    for (size_t k = 0; k < m->n_params; k++) {
        seen[k] = k < n_given;
        p[k] = k < n_given ? given[k] : m->params[k].dflt;
    }
    return check_params(m, p, seen, 0, node);
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* The parameter called tok[0 .. len) ("lower"/"upper" stand for "lo"/"hi"). */
static size_t param_named(const egdi__method *m, const char *tok, size_t len)
{
    static const char *const synonyms[][2] = {{"lower", "lo"}, {"upper", "hi"}};
    for (int pass = 0; pass < 2; pass++) {
        const char *name = tok;
        size_t nlen = len;
        if (pass == 1) {
            size_t j;
            for (j = 0; j < sizeof synonyms / sizeof *synonyms; j++)
                if (strlen(synonyms[j][0]) == len && strncmp(synonyms[j][0], tok, len) == 0)
                    break;
            if (j == sizeof synonyms / sizeof *synonyms)
                break;
            name = synonyms[j][1];
            nlen = strlen(name);
        }
        for (size_t k = 0; k < m->n_params; k++)
            if (strlen(m->params[k].name) == nlen && strncmp(m->params[k].name, name, nlen) == 0)
                return k;
    }
    return m->n_params;
}

/* A value that is not a number: a keyword, or a unit code where one is allowed. */
static egdi_status word_value(const egdi__method *m, size_t k, const char *tok, size_t len,
                              const char *node, double *v, const char **code, size_t *code_len)
{
    const egdi__param *q = &m->params[k];
    if (q->flags & EGDI__P_KEYWORD) {
        const char *w;
        size_t wl;
        for (size_t i = 0; keyword_at(q, i, &w, &wl); i++)
            if (wl == len && strncmp(w, tok, len) == 0) {
                *v = (double)i;
                return EGDI_OK;
            }
        return egdi__fail(EGDI_ERR_PARSE, "node '%s': parameter '%s' of %s: '%.*s' is not one "
                          "of %.*s", node, q->name, m->name, (int)len, tok,
                          (int)strcspn(q->summary, ":"), q->summary);
    }
    if ((q->flags & EGDI__P_UNIT) && code) {
        *code = tok;
        *code_len = len;
        *v = NAN;
        return EGDI_OK;
    }
    return egdi__fail(EGDI_ERR_PARSE, "node '%s': parameter '%s' of %s: '%.*s' is not a number%s",
                      node, q->name, m->name, (int)len, tok,
                      (q->flags & EGDI__P_UNIT) ? " (give the unit's position in the data, "
                                                  "1 = the first unit)" : "");
}

static egdi_status params_text(const egdi__method *m, const char *text, const char *node,
                               double *p, const char **code, size_t *code_len)
{
    int seen[EGDI__MAX_PARAMS] = {0};
    for (size_t k = 0; k < m->n_params; k++)
        p[k] = m->params[k].dflt;
    if (code) {
        *code = NULL;
        *code_len = 0;
    }
    size_t positional = 0, tokens = 0;
    int named = 0;
    const char *s = text ? text : "";
    for (const char *t = s; *t;) { /* count first, to say how many were given */
        while (is_blank(*t))
            t++;
        if (*t)
            tokens++;
        while (*t && !is_blank(*t))
            t++;
    }
    while (is_blank(*s))
        s++;
    while (*s) {
        const char *tok = s;
        while (*s && !is_blank(*s))
            s++;
        size_t len = (size_t)(s - tok);
        const char *eq = memchr(tok, '=', len);
        char num[64];
        size_t k;
        if (eq) {
            named = 1;
            size_t klen = (size_t)(eq - tok);
            k = param_named(m, tok, klen);
            if (k == m->n_params) {
                char names[128] = "";
                for (size_t j = 0, used = 0; j < m->n_params && used < sizeof names; j++) {
                    int w = snprintf(names + used, sizeof names - used, "%s%s", j ? ", " : "",
                                     m->params[j].name);
                    used += w > 0 ? (size_t)w : 0;
                }
                return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': %s has no parameter "
                                  "'%.*s' (%s)", node, m->name, (int)klen, tok,
                                  m->n_params ? names : "it takes none");
            }
            if (seen[k])
                return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': parameter '%s' of %s is "
                                  "given twice", node, m->params[k].name, m->name);
            tok = eq + 1;
            len = (size_t)(s - tok);
        } else {
            if (named)
                return egdi__fail(EGDI_ERR_PARSE, "node '%s': parameters of %s: '%.*s' follows "
                                  "a name=value pair; give all by name or all in order", node,
                                  m->name, (int)len, tok);
            k = positional++;
            if (k >= m->n_params)
                return egdi__fail(EGDI_ERR_INVALID_INDEX,
                                  "node '%s': %s takes %zu to %zu parameters, not %zu", node,
                                  m->name, m->n_required, m->n_params, tokens);
        }
        double v;
        if (len == 0 || len >= sizeof num)
            return egdi__fail(EGDI_ERR_PARSE, "node '%s': parameter '%s' of %s: '%.*s' is not a "
                              "number", node, m->params[k].name, m->name, (int)len, tok);
        memcpy(num, tok, len);
        num[len] = '\0';
        if (!egdi__parse_number(num, &v) || isnan(v)) {
            egdi_status st = word_value(m, k, tok, len, node, &v, code, code_len);
            if (st != EGDI_OK)
                return st;
        }
        p[k] = v;
        seen[k] = 1;
        while (is_blank(*s))
            s++;
    }
    return check_params(m, p, seen, code && *code, node);
}

egdi_status egdi__method_params_text(const egdi__method *m, const char *text, const char *node,
                                     double *p)
{
    return params_text(m, text, node, p, NULL, NULL);
}

egdi_status egdi__method_params_text_unit(const egdi__method *m, const char *text,
                                          const char *node, double *p, const char **code,
                                          size_t *code_len)
{
    return params_text(m, text, node, p, code, code_len);
}

int egdi__method_unit_param(const egdi__method *m)
{
    for (size_t k = 0; k < m->n_params; k++)
        if (m->params[k].flags & EGDI__P_UNIT)
            return (int)k;
    return -1;
}

egdi_status egdi__method_resolve_unit(const egdi__method *m, double *p, const char *code,
                                      const char *node,
                                      int (*find)(const void *ctx, const char *code, size_t *pos),
                                      const void *ctx)
{
    int k = egdi__method_unit_param(m);
    size_t pos;
    if (k < 0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': %s takes no unit", node, m->name);
    if (!find(ctx, code, &pos))
        return egdi__fail(EGDI_ERR_NOT_FOUND, "node '%s': %s: %s = '%s': the data has no unit "
                          "with that code", node, m->name, m->params[k].name, code);
    p[k] = (double)pos + 1;
    return EGDI_OK;
}

void egdi__method_write_params_unit(const egdi__method *m, const double *p,
                                    const char *unit_code, FILE *fp)
{
    char buf[64];
    for (size_t k = 0; k < m->n_params; k++) {
        const egdi__param *q = &m->params[k];
        const char *w;
        size_t wl;
        fprintf(fp, "%s%s=", k ? " " : "", q->name);
        if ((q->flags & EGDI__P_UNIT) && unit_code) {
            fputs(unit_code, fp);
        } else if ((q->flags & EGDI__P_KEYWORD) && p[k] >= 0 &&
                   keyword_at(q, (size_t)p[k], &w, &wl)) {
            fprintf(fp, "%.*s", (int)wl, w);
        } else {
            egdi__format_number(p[k], -1, buf, sizeof buf);
            fputs(buf, fp);
        }
    }
}

void egdi__method_write_params(const egdi__method *m, const double *p, FILE *fp)
{
    egdi__method_write_params_unit(m, p, NULL, fp);
}

/* ---- public enumeration ---- */

static const egdi__method *nth(size_t i)
{
    for (int s = 0; s < EGDI__N_STEPS; s++) {
        if (i < *steps[s].n)
            return &steps[s].methods[i];
        i -= *steps[s].n;
    }
    return NULL;
}

size_t egdi_method_count(void)
{
    size_t n = 0;
    for (int s = 0; s < EGDI__N_STEPS; s++)
        n += *steps[s].n;
    return n;
}

static const size_t method_info_sizes[] = {0, sizeof(egdi_method_info)};
static const size_t param_info_sizes[] = {0, sizeof(egdi_param_info)};

egdi_status egdi_method_get_info(size_t i, egdi_method_info *out)
{
    EGDI_CHECK_ARG(out, "out");
    const egdi__method *m = nth(i);
    if (!m)
        return egdi__fail(EGDI_ERR_RANGE, "method %zu out of range (%zu methods)", i,
                          egdi_method_count());
    egdi_method_info info = {EGDI_METHOD_INFO_VERSION, m->step, m->id, m->name, m->summary,
                             m->n_params, m->n_required, m->flags};
    return egdi__versioned_write(out, &info, method_info_sizes, 2, "egdi_method_info");
}

egdi_status egdi_method_get_param(size_t i, size_t k, egdi_param_info *out)
{
    EGDI_CHECK_ARG(out, "out");
    const egdi__method *m = nth(i);
    if (!m)
        return egdi__fail(EGDI_ERR_RANGE, "method %zu out of range (%zu methods)", i,
                          egdi_method_count());
    if (k >= m->n_params)
        return egdi__fail(EGDI_ERR_RANGE, "%s has %zu parameters, not %zu", m->name, m->n_params,
                          k + 1);
    const egdi__param *q = &m->params[k];
    egdi_param_info info = {EGDI_PARAM_INFO_VERSION, q->name, q->summary, q->dflt, q->lo, q->hi,
                            (q->flags & EGDI__P_LO_OPEN) != 0};
    return egdi__versioned_write(out, &info, param_info_sizes, 2, "egdi_param_info");
}

egdi_status egdi_method_from_name(egdi_step step, const char *name, int *id)
{
    EGDI_CHECK_ARG(name && id, "name/id");
    const step_table *t = table(step);
    if (!t)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "unknown step %d", (int)step);
    const egdi__method *m = egdi__method_by_name(step, name);
    if (!m) {
        char names[256];
        return egdi__fail(EGDI_ERR_NOT_FOUND, "no %s method '%s' (%s)", t->name, name,
                          egdi__method_names(step, names, sizeof names));
    }
    *id = m->id;
    return EGDI_OK;
}

const char *egdi_method_name(egdi_step step, int id)
{
    const egdi__method *m = egdi__method_get(step, id);
    return m ? m->name : NULL;
}

const char *egdi_step_name(egdi_step step)
{
    const step_table *t = table(step);
    return t ? t->name : NULL;
}

/* ---- array-level methods: the registry's fit and apply on plain arrays ---- */

/* What one call needs besides the caller's arrays, allocated once. */
typedef struct array_run {
    char *text;         /* "1\0" "2\0" ...: names of units and children */
    size_t *off;
    const char **kids;  /* children's names */
    double *work, *fitted, *p;
    size_t *iwork;
    double params[EGDI__MAX_PARAMS];
} array_run;

static void array_free(array_run *r)
{
    free(r->text);
    free(r->off);
    free(r->kids);
    free(r->work);
    free(r->fitted);
    free(r->iwork);
}

/* Look the method up, check its parameters, allocate the scratch the engine
 * gives a node (eval.c: 2 max(n, n_groups) doubles, 2 n_groups + 1 size_t). */
static egdi_status array_prepare(egdi_step step, int method, const double *params,
                                 size_t n_params, size_t n, size_t n_kids, size_t n_groups,
                                 array_run *r, const egdi__method **out)
{
    memset(r, 0, sizeof *r);
    const egdi__method *m = egdi__method_get(step, method);
    if (!m) {
        char names[256];
        return egdi__fail(EGDI_ERR_INVALID_ARG, "no %s method %d (%s)", egdi_step_name(step),
                          method, egdi__method_names(step, names, sizeof names));
    }
    EGDI_CHECK_ARG(params || n_params == 0, "params");
    egdi_status st = egdi__method_params(m, params, n_params, "array", r->params);
    if (st != EGDI_OK)
        return st;
    size_t n_names = n > n_kids ? n : n_kids, n_work = 2 * (n > n_groups ? n : n_groups);
    size_t n_fit = egdi__method_fitted_size(m, n_groups);
    r->text = egdi__mallocarray(n_names ? n_names : 1, 21);
    r->off = egdi__mallocarray(n_names ? n_names : 1, sizeof *r->off);
    r->kids = egdi__mallocarray(n_kids ? n_kids : 1, sizeof *r->kids);
    r->work = egdi__mallocarray(n_work ? n_work : 1, sizeof *r->work);
    r->fitted = egdi__mallocarray(n_fit ? n_fit : 1, sizeof *r->fitted);
    r->iwork = egdi__mallocarray(2 * n_groups + 1, sizeof *r->iwork);
    if (!r->text || !r->off || !r->kids || !r->work || !r->fitted || !r->iwork) {
        array_free(r);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %s of %zu values",
                          egdi_step_name(step), n);
    }
    size_t used = 0;
    for (size_t i = 0; i < n_names; i++) {
        r->off[i] = used;
        used += (size_t)snprintf(r->text + used, 21, "%zu", i + 1) + 1;
    }
    for (size_t c = 0; c < n_kids; c++)
        r->kids[c] = r->text + r->off[c];
    *out = m;
    return EGDI_OK;
}

static egdi_status array_run_method(const egdi__method *m, egdi__args *a, array_run *r)
{
    egdi__names nm = {"array", r->kids, r->text, r->off};
    a->names = &nm;
    a->params = r->params;
    a->work = r->work;
    a->iwork = r->iwork;
    egdi_status st = m->fit ? m->fit(a, r->fitted) : EGDI_OK;
    if (st == EGDI_OK)
        st = m->apply(a, r->fitted);
    a->names = NULL;
    return st;
}

egdi_status egdi_normalise_array(int method, const double *params, size_t n_params,
                                 int direction, const double *x, size_t n, double *out)
{
    EGDI_CHECK_ARG((x && out) || n == 0, "x/out");
    if (direction != 1 && direction != -1)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_normalise_array: direction must be +1 or "
                          "-1, not %d", direction);
    array_run r;
    const egdi__method *m;
    egdi_status st = array_prepare(EGDI_STEP_NORMALISE, method, params, n_params, n, 0, 0, &r,
                                   &m);
    if (st != EGDI_OK)
        return st;
    for (size_t i = 0; i < n; i++) /* as the engine's treat stage: direction first */
        out[i] = direction == 1 ? x[i] : -x[i];
    egdi__args a;
    memset(&a, 0, sizeof a);
    a.n = n;
    a.x = out;
    a.out = out;
    a.direction = direction;
    st = array_run_method(m, &a, &r);
    array_free(&r);
    return st;
}

egdi_status egdi_aggregate_array(int method, const double *params, size_t n_params,
                                 const double *values, size_t n, size_t n_kids,
                                 const double *weights, double *out)
{
    EGDI_CHECK_ARG((values && out) || n == 0, "values/out");
    if (n_kids == 0)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_aggregate_array: no children");
    for (size_t c = 0; weights && c < n_kids; c++)
        if (!(weights[c] >= 0) || isinf(weights[c]))
            return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_aggregate_array: weight %zu is %g (a "
                              "weight is finite and >= 0)", c + 1, weights[c]);
    if (n && n_kids > SIZE_MAX / sizeof(double) / n)
        return egdi__fail(EGDI_ERR_NOMEM, "egdi_aggregate_array: %zu x %zu values exceed the "
                          "address space", n, n_kids);
    array_run r;
    const egdi__method *m;
    egdi_status st = array_prepare(EGDI_STEP_AGGREGATE, method, params, n_params, n, n_kids, 0,
                                   &r, &m);
    if (st != EGDI_OK)
        return st;
    double *cols = egdi__mallocarray(n_kids, (n ? n : 1) * sizeof *cols);
    const double **kids = egdi__mallocarray(n_kids, sizeof *kids);
    double *w = egdi__mallocarray(n_kids, sizeof *w);
    if (!cols || !kids || !w) {
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu x %zu values", n, n_kids);
    } else {
        for (size_t c = 0; c < n_kids; c++) { /* row-major to the engine's columns */
            for (size_t i = 0; i < n; i++)
                cols[c * n + i] = values[i * n_kids + c];
            kids[c] = cols + c * n;
            w[c] = weights ? weights[c] : 1;
        }
        egdi__args a;
        memset(&a, 0, sizeof a);
        a.n = n;
        a.out = out;
        a.kids = kids;
        a.weights = w;
        a.n_kids = n_kids;
        a.min_share = 0;
        st = array_run_method(m, &a, &r);
    }
    free(cols);
    free(kids);
    free(w);
    array_free(&r);
    return st;
}

egdi_status egdi_impute_array(int method, const double *params, size_t n_params,
                              const double *x, size_t n, const int *groups, double *out,
                              int *imputed)
{
    EGDI_CHECK_ARG((x && out) || n == 0, "x/out");
    const egdi__method *m = egdi__method_get(EGDI_STEP_IMPUTE, method);
    int grouped = m && (m->flags & EGDI__M_USES_GROUPS);
    size_t n_groups = 0;
    if (m && grouped != (groups != NULL))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_impute_array: imputation %s %s", m->name,
                          grouped ? "needs the units' groups" : "takes no groups");
    for (size_t i = 0; groups && i < n; i++) {
        if (groups[i] < -1)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_impute_array: unit %zu has group %d "
                              "(groups are 0, 1, ... or -1 for none)", i + 1, groups[i]);
        if (groups[i] >= 0 && (size_t)groups[i] + 1 > n_groups)
            n_groups = (size_t)groups[i] + 1;
    }
    array_run r;
    egdi_status st = array_prepare(EGDI_STEP_IMPUTE, method, params, n_params, n, 0, n_groups,
                                   &r, &m);
    if (st != EGDI_OK)
        return st;
    unsigned char *flags = malloc(n ? n : 1);
    if (!flags) {
        array_free(&r);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory for %zu flags", n);
    }
    egdi__args a;
    memset(&a, 0, sizeof a);
    a.n = n;
    a.x = x;
    a.out = out;
    a.groups = groups;
    a.n_groups = n_groups;
    a.flags = flags;
    st = array_run_method(m, &a, &r);
    for (size_t i = 0; st == EGDI_OK && imputed && i < n; i++)
        imputed[i] = flags[i];
    free(flags);
    array_free(&r);
    return st;
}
