/* The method registry: lookup by step and id or name, parameters from
 * numbers or "key=value" text with defaults, bounds, keywords and unit
 * codes, and the public enumeration (the array-level functions that run any
 * method on plain arrays are in method_array.c). Every method lives in one of
 * the step tables (normalise.c, aggregate.c, impute.c); nothing here names a
 * particular method. */
#include <math.h>
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
