/* The method registry: lookup by step and id or name, parameters from
 * numbers or "key=value" text with defaults and bounds, and the public
 * enumeration. Every method lives in one of the step tables (normalise.c,
 * aggregate.c, impute.c); nothing here names a particular method. */
#include <math.h>
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

/* Defaults in, then bounds and the method's own rules. */
static egdi_status check_params(const egdi__method *m, const double *p, const int *given,
                                const char *node)
{
    for (size_t k = 0; k < m->n_params; k++) {
        const egdi__param *q = &m->params[k];
        if (!given[k] && isnan(q->dflt))
            return egdi__fail(EGDI_ERR_INVALID_INDEX,
                              "node '%s': %s needs the parameter '%s' (%s takes %zu to %zu "
                              "parameters, not fewer)", node, m->name, q->name, m->name,
                              m->n_required, m->n_params);
        if (!isfinite(p[k]))
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': parameter %zu ('%s') of %s is "
                              "not finite", node, k + 1, q->name, m->name);
        if ((!isnan(q->lo) && (q->lo_open ? !(p[k] > q->lo) : !(p[k] >= q->lo))) ||
            (!isnan(q->hi) && !(p[k] <= q->hi)))
            return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid %s parameters: %s = %g "
                              "is outside %s%g, %g]", node, m->name, q->name, p[k],
                              q->lo_open ? "(" : "[", isnan(q->lo) ? -INFINITY : q->lo,
                              isnan(q->hi) ? INFINITY : q->hi);
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
    return check_params(m, p, seen, node);
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

egdi_status egdi__method_params_text(const egdi__method *m, const char *text, const char *node,
                                     double *p)
{
    int seen[EGDI__MAX_PARAMS] = {0};
    for (size_t k = 0; k < m->n_params; k++)
        p[k] = m->params[k].dflt;
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
            for (k = 0; k < m->n_params; k++)
                if (strlen(m->params[k].name) == klen && strncmp(m->params[k].name, tok, klen) == 0)
                    break;
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
        if (!egdi__parse_number(num, &v) || isnan(v))
            return egdi__fail(EGDI_ERR_PARSE, "node '%s': parameter '%s' of %s: '%s' is not a "
                              "number", node, m->params[k].name, m->name, num);
        p[k] = v;
        seen[k] = 1;
        while (is_blank(*s))
            s++;
    }
    return check_params(m, p, seen, node);
}

void egdi__method_write_params(const egdi__method *m, const double *p, FILE *fp)
{
    char buf[64];
    for (size_t k = 0; k < m->n_params; k++) {
        egdi__format_number(p[k], -1, buf, sizeof buf);
        fprintf(fp, "%s%s=%s", k ? " " : "", m->params[k].name, buf);
    }
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
                            q->lo_open};
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
