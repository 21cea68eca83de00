/* Memberships of countries in groups through time (egdi/members.h), and
 * user-defined groups, as label columns of a dataset. */
#include <stdlib.h>
#include <string.h>

#include "io/io.h"
#include "survey/survey.h"

typedef struct period {
    size_t group;
    char *code, *name; /* name may be "" */
    long since, until; /* YYYYMMDD; 0 = open */
} period;

struct egdi_memberships {
    char **groups;
    size_t n_groups;
    period *rows;
    size_t n_rows;
};

void egdi_memberships_free(egdi_memberships *m)
{
    if (!m)
        return;
    for (size_t g = 0; g < m->n_groups; g++)
        free(m->groups[g]);
    for (size_t r = 0; r < m->n_rows; r++) {
        free(m->rows[r].code);
        free(m->rows[r].name);
    }
    free(m->groups);
    free(m->rows);
    free(m);
}

/* "YYYY-MM-DD" as YYYYMMDD (a valid calendar day), 0 for "", -1 if malformed. */
static long parse_date(const char *s)
{
    if (!*s)
        return 0;
    for (int k = 0; k < 10; k++)
        if (k == 4 || k == 7 ? s[k] != '-' : (s[k] < '0' || s[k] > '9'))
            return -1;
    if (s[10])
        return -1;
    long y = strtol(s, NULL, 10), mo = strtol(s + 5, NULL, 10), d = strtol(s + 8, NULL, 10);
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1])
        return -1;
    if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return -1;
    return y * 10000 + mo * 100 + d;
}

/* The day of `when`: "YYYY" = 1 July of the year, "YYYY-MM-DD", NULL = 0 (open). */
static egdi_status parse_when(const char *when, long *day)
{
    *day = 0;
    if (!when)
        return EGDI_OK;
    size_t len = strlen(when);
    if (len == 4 && strspn(when, "0123456789") == 4) {
        *day = strtol(when, NULL, 10) * 10000 + 701;
        return EGDI_OK;
    }
    *day = parse_date(when);
    if (*day <= 0)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "membership date '%s' is neither a year (YYYY) "
                          "nor a date (YYYY-MM-DD)", when);
    return EGDI_OK;
}

static int active(const period *p, long day)
{
    if (day == 0)
        return p->until == 0;
    return (p->since == 0 || p->since <= day) && (p->until == 0 || day < p->until);
}

static egdi_status add_group_key(egdi_memberships *m, const char *key, size_t *g)
{
    for (*g = 0; *g < m->n_groups; (*g)++)
        if (strcmp(m->groups[*g], key) == 0)
            return EGDI_OK;
    char **ng = egdi__reallocarray(m->groups, m->n_groups + 1, sizeof *ng);
    if (!ng)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    m->groups = ng;
    if (!(ng[m->n_groups] = egdi__strdup(key)))
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    *g = m->n_groups++;
    return EGDI_OK;
}

static egdi_status build(const egdi__csv *csv, const char *source, egdi_memberships *m)
{
    long cg = egdi__csv_find_col(csv, "group"), cc = egdi__csv_find_col(csv, "code");
    long cn = egdi__csv_find_col(csv, "name"), cs = egdi__csv_find_col(csv, "since");
    long cu = egdi__csv_find_col(csv, "until");
    if (cg < 0 || cc < 0 || cs < 0 || cu < 0)
        return egdi__fail(EGDI_ERR_PARSE, "%s:1: a memberships file needs the columns group, "
                          "code, since and until", source);
    if (csv->n_rows < 2)
        return egdi__fail(EGDI_ERR_DATA, "%s: no memberships (a header only)", source);
    m->rows = egdi__mallocarray(csv->n_rows - 1, sizeof *m->rows);
    if (!m->rows)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t r = 1; r < csv->n_rows; r++) {
        const char *group = egdi__csv_cell(csv, r, (size_t)cg);
        const char *code = egdi__csv_cell(csv, r, (size_t)cc);
        const char *name = cn >= 0 ? egdi__csv_cell(csv, r, (size_t)cn) : "";
        const char *since = egdi__csv_cell(csv, r, (size_t)cs);
        const char *until = egdi__csv_cell(csv, r, (size_t)cu);
        size_t line = csv->line[r];
        if (!*group || !*code)
            return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: empty %s", source, line,
                              *group ? "code" : "group");
        period p = {0, NULL, NULL, parse_date(since), parse_date(until)};
        if (p.since < 0 || p.until < 0)
            return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: %s '%s' is not a date (YYYY-MM-DD)",
                              source, line, p.since < 0 ? "since" : "until",
                              p.since < 0 ? since : until);
        if (p.since && p.until && p.until <= p.since)
            return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: %s: until %s is not after since %s",
                              source, line, code, until, since);
        egdi_status st = add_group_key(m, group, &p.group);
        if (st != EGDI_OK)
            return st;
        p.code = egdi__strdup(code);
        p.name = egdi__strdup(name);
        if (!p.code || !p.name) {
            free(p.code), free(p.name);
            return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
        }
        m->rows[m->n_rows++] = p;
    }
    return EGDI_OK;
}

/* Order of rows for the overlap check: group, code, since (0 = open = first). */
static int by_group_code_since(const void *pa, const void *pb)
{
    const period *a = *(const period *const *)pa, *b = *(const period *const *)pb;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    int c = strcmp(a->code, b->code);
    if (c)
        return c;
    return (a->since > b->since) - (a->since < b->since);
}

/* A country's periods in one group must not overlap: a count of members is then
 * a count of countries. O(n log n). */
static egdi_status check_overlaps(const egdi_memberships *m, const size_t *lines,
                                  const char *source)
{
    const period **ord = egdi__mallocarray(m->n_rows ? m->n_rows : 1, sizeof *ord);
    if (!ord)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t r = 0; r < m->n_rows; r++)
        ord[r] = &m->rows[r];
    qsort(ord, m->n_rows, sizeof *ord, by_group_code_since);
    egdi_status st = EGDI_OK;
    for (size_t k = 1; k < m->n_rows && st == EGDI_OK; k++) {
        const period *a = ord[k - 1], *b = ord[k];
        if (a->group == b->group && strcmp(a->code, b->code) == 0 &&
            (a->until == 0 || b->since == 0 || b->since < a->until))
            st = egdi__fail(EGDI_ERR_DATA, "%s:%zu: %s is already a member of '%s' then "
                            "(line %zu): membership periods of one country overlap", source,
                            lines[b - m->rows], b->code, m->groups[b->group], lines[a - m->rows]);
    }
    free((void *)ord);
    return st;
}

static egdi_status read_text(const char *text, size_t len, const char *source,
                             egdi_memberships **out)
{
    egdi__csv csv;
    egdi_status st = egdi__csv_parse(text, len, ',', source, &csv);
    if (st != EGDI_OK)
        return st;
    egdi_memberships *m = calloc(1, sizeof *m);
    st = m ? build(&csv, source, m) : egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    if (st == EGDI_OK)
        st = check_overlaps(m, csv.line + 1, source);
    egdi__csv_free(&csv);
    if (st != EGDI_OK) {
        egdi_memberships_free(m);
        return st;
    }
    *out = m;
    return EGDI_OK;
}

egdi_status egdi_memberships_read(const char *path, egdi_memberships **out)
{
    EGDI_CHECK_ARG(path && out, "path/out");
    char *text = NULL;
    size_t len = 0;
    egdi_status st = egdi__read_file(path, &text, &len);
    if (st == EGDI_OK)
        st = read_text(text, len, path, out);
    free(text);
    return st;
}

egdi_status egdi_memberships_read_buffer(const char *text, size_t len, egdi_memberships **out)
{
    EGDI_CHECK_ARG((text || !len) && out, "text/out");
    return read_text(text ? text : "", len, "<buffer>", out);
}

size_t egdi_memberships_n_groups(const egdi_memberships *m)
{
    return m ? m->n_groups : 0;
}

const char *egdi_memberships_group(const egdi_memberships *m, size_t g)
{
    return m && g < m->n_groups ? m->groups[g] : NULL;
}

static egdi_status find_group(const egdi_memberships *m, const char *group, size_t *g)
{
    for (*g = 0; *g < m->n_groups; (*g)++)
        if (strcmp(m->groups[*g], group) == 0)
            return EGDI_OK;
    char known[512] = "";
    size_t used = 0;
    for (size_t k = 0; k < m->n_groups && used < sizeof known; k++)
        used += (size_t)snprintf(known + used, sizeof known - used, "%s%s", k ? ", " : "",
                                 m->groups[k]);
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no membership group '%s' (known: %s)", group, known);
}

/* The group's position and the day (YYYYMMDD) of `when`. */
static egdi_status group_and_day(const egdi_memberships *m, const char *group, const char *when,
                                 size_t *g, long *day)
{
    egdi_status st = find_group(m, group, g);
    return st ? st : parse_when(when, day);
}

egdi_status egdi_memberships_count(const egdi_memberships *m, const char *group,
                                   const char *when, size_t *out)
{
    EGDI_CHECK_ARG(m && group && out, "m/group/out");
    size_t g;
    long day;
    egdi_status st = group_and_day(m, group, when, &g, &day);
    if (st != EGDI_OK)
        return st;
    size_t n = 0;
    for (size_t r = 0; r < m->n_rows; r++)
        n += m->rows[r].group == g && active(&m->rows[r], day);
    *out = n;
    return EGDI_OK;
}

/* ---- case-insensitive key sets: lower-cased copies in a string map ---- */
typedef struct keyset {
    egdi__strmap map;
    char **keys;
    size_t n, cap;
} keyset;

static void keyset_free(keyset *k)
{
    egdi__strmap_free(&k->map);
    for (size_t i = 0; i < k->n; i++)
        free(k->keys[i]);
    free(k->keys);
}

/* s (or NULL) with its ASCII letters lower-cased in place. */
static char *ascii_lower(char *s)
{
    for (char *p = s; p && *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + ('a' - 'A'));
    return s;
}

/* Add key -> value unless the key is there or empty; *existing (if given) gets
 * the value stored under it (the new one if added). */
static egdi_status keyset_put(keyset *k, const char *key, size_t value, size_t *existing)
{
    if (existing)
        *existing = value;
    if (!key || !*key)
        return EGDI_OK;
    if (k->n == k->cap) {
        size_t cap = k->cap ? 2 * k->cap : 64;
        char **nk = egdi__reallocarray(k->keys, cap, sizeof *nk);
        if (!nk)
            return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
        k->keys = nk;
        k->cap = cap;
    }
    char *lk = ascii_lower(egdi__strdup(key));
    if (!lk)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    int put = egdi__strmap_put(&k->map, lk, value, existing);
    if (put < 0) {
        free(lk);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    if (put == 0)
        free(lk);
    else
        k->keys[k->n++] = lk;
    return EGDI_OK;
}

/* Look a key up ignoring ASCII case; buf holds at least 256 bytes. */
static int keyset_get(const keyset *k, const char *key, size_t *value, char *buf)
{
    size_t len = key ? strlen(key) : 0;
    if (len == 0 || len >= 256)
        return 0;
    memcpy(buf, key, len + 1);
    return egdi__strmap_get(&k->map, ascii_lower(buf), value);
}

/* The country table's codes and names -> its row. */
static egdi_status country_keys(const egdi_dataset *countries, keyset *k)
{
    size_t n = countries ? egdi_dataset_n_units(countries) : 0;
    egdi_status st = EGDI_OK;
    for (size_t r = 0; r < n && st == EGDI_OK; r++) {
        st = keyset_put(k, egdi_dataset_unit_code(countries, r), r, NULL);
        st = st ? st : keyset_put(k, egdi_dataset_unit_name(countries, r), r, NULL);
    }
    return st;
}

/* The value of `members` for unit i: through its code, name, or country-table
 * row's ISO code and name. 1 if found. */
static int unit_lookup(const egdi_dataset *ds, size_t i, const keyset *members,
                       const egdi_dataset *countries, const keyset *ckeys, size_t *value)
{
    char buf[256];
    const char *code = egdi_dataset_unit_code(ds, i), *name = egdi_dataset_unit_name(ds, i);
    if (keyset_get(members, code, value, buf) || keyset_get(members, name, value, buf))
        return 1;
    size_t r;
    if (!countries || !(keyset_get(ckeys, code, &r, buf) || keyset_get(ckeys, name, &r, buf)))
        return 0;
    return keyset_get(members, egdi_dataset_unit_code(countries, r), value, buf) ||
           keyset_get(members, egdi_dataset_unit_name(countries, r), value, buf);
}

egdi_status egdi_memberships_is_member(const egdi_memberships *m, const char *group,
                                       const char *country, const char *when, int *out)
{
    EGDI_CHECK_ARG(m && group && country && out, "m/group/country/out");
    size_t g;
    long day;
    egdi_status st = group_and_day(m, group, when, &g, &day);
    if (st != EGDI_OK)
        return st;
    *out = 0;
    for (size_t r = 0; r < m->n_rows && !*out; r++) {
        const period *p = &m->rows[r];
        *out = p->group == g && active(p, day) &&
               (egdi__same_ascii(p->code, country) || egdi__same_ascii(p->name, country));
    }
    return EGDI_OK;
}

/* Append label column `name`: `name` where member[i], none elsewhere. */
static egdi_status add_column(egdi_dataset *ds, const char *name, const unsigned char *member)
{
    size_t n = egdi_dataset_n_units(ds);
    const char **labels = egdi__mallocarray(n, sizeof *labels);
    if (!labels)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        labels[i] = member[i] ? name : NULL;
    egdi_status st = egdi_dataset_add_labels(ds, name, labels, n);
    free(labels);
    return st;
}

static egdi_status check_new_column(const egdi_dataset *ds, const char *name)
{
    size_t j;
    if (egdi_dataset_find_column(ds, name, &j) == EGDI_OK)
        return egdi__fail(EGDI_ERR_DUPLICATE, "the data already has a column '%s'", name);
    egdi_clear_error();
    return EGDI_OK;
}

egdi_status egdi_memberships_add_labels(const egdi_memberships *m, egdi_dataset *ds,
                                        const char *group, const char *when,
                                        const egdi_dataset *countries)
{
    EGDI_CHECK_ARG(m && ds && group, "m/ds/group");
    size_t g;
    long day;
    egdi_status st = find_group(m, group, &g);
    st = st ? st : parse_when(when, &day);
    st = st ? st : check_new_column(ds, group);
    if (st != EGDI_OK)
        return st;
    keyset members = {0}, ckeys = {0};
    for (size_t r = 0; r < m->n_rows && st == EGDI_OK; r++)
        if (m->rows[r].group == g && active(&m->rows[r], day)) {
            st = keyset_put(&members, m->rows[r].code, r, NULL);
            st = st ? st : keyset_put(&members, m->rows[r].name, r, NULL);
        }
    st = st ? st : country_keys(countries, &ckeys);
    size_t n = egdi_dataset_n_units(ds), v;
    unsigned char *member = calloc(n ? n : 1, 1);
    if (st == EGDI_OK && !member)
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n && st == EGDI_OK; i++)
        member[i] = (unsigned char)unit_lookup(ds, i, &members, countries, &ckeys, &v);
    st = st ? st : add_column(ds, group, member);
    free(member);
    keyset_free(&members);
    keyset_free(&ckeys);
    return st;
}

egdi_status egdi_dataset_add_group(egdi_dataset *ds, const char *name,
                                   const char *const *members, size_t n_members,
                                   const egdi_dataset *countries)
{
    EGDI_CHECK_ARG(ds && name && (members || !n_members), "ds/name/members");
    if (!*name)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "a group needs a name");
    if (!n_members)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "group '%s' has no members", name);
    egdi_status st = check_new_column(ds, name);
    if (st != EGDI_OK)
        return st;
    keyset keys = {0}, ckeys = {0};
    size_t n = egdi_dataset_n_units(ds), *alias = egdi__mallocarray(n_members, sizeof *alias);
    unsigned char *member = calloc(n ? n : 1, 1), *matched = calloc(n_members, 1);
    if (!alias || !member || !matched)
        st = egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    st = st ? st : country_keys(countries, &ckeys);
    /* each member's keys: its text, and its country-table row's ISO code and name;
     * a member whose text another member already claims is that member's alias */
    char buf[256];
    for (size_t k = 0; k < n_members && st == EGDI_OK; k++) {
        if (!members[k] || !*members[k]) {
            st = egdi__fail(EGDI_ERR_INVALID_ARG, "group '%s': member %zu is empty", name, k + 1);
            break;
        }
        st = keyset_put(&keys, members[k], k, &alias[k]);
        size_t r;
        if (st == EGDI_OK && countries && keyset_get(&ckeys, members[k], &r, buf)) {
            size_t other;
            st = keyset_put(&keys, egdi_dataset_unit_code(countries, r), alias[k], &other);
            st = st ? st : keyset_put(&keys, egdi_dataset_unit_name(countries, r), alias[k], NULL);
            if (alias[k] == k)
                alias[k] = other;
        }
    }
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        size_t k;
        if (unit_lookup(ds, i, &keys, countries, &ckeys, &k)) {
            member[i] = 1;
            matched[k] = matched[alias[k]] = 1;
        }
    }
    if (st == EGDI_OK) {
        char missing[512] = "";
        size_t used = 0, n_missing = 0;
        for (size_t k = 0; k < n_members; k++)
            if (!matched[k] && !matched[alias[k]]) {
                n_missing++;
                if (used < sizeof missing)
                    used += (size_t)snprintf(missing + used, sizeof missing - used, "%s'%s'",
                                             used ? ", " : "", members[k]);
            }
        if (n_missing)
            st = egdi__fail(EGDI_ERR_NOT_FOUND, "group '%s': no countr%s %s in the data (give "
                            "names as the data writes them or ISO 3166 alpha-3 codes)", name,
                            n_missing > 1 ? "ies" : "y", missing);
    }
    st = st ? st : add_column(ds, name, member);
    free(alias);
    free(member);
    free(matched);
    keyset_free(&keys);
    keyset_free(&ckeys);
    return st;
}
