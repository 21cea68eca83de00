/* SWIG interface of the private module egdi._egdi, generated from the public
 * headers. Handles become owning proxy classes, every egdi_status is checked
 * (a failure raises the egdi.Error subclass of its code, carrying the library's
 * message), arrays travel as numpy arrays (pointer + length), lists of strings
 * travel in one call, and the GIL is released around every C call (swig
 * -threads) except in the helpers marked %nothread, which build Python objects. */
%module(package="egdi") _egdi

%{
#define SWIG_FILE_WITH_INIT
#include <string.h>

#include <gsl/gsl_errno.h>

#include <egdi/egdi.h>

/* Raise the Python exception for a failed status: egdi.errors.exception_class(code). */
static void egdi_py_raise(egdi_status st)
{
    const char *msg = egdi_last_error();
    if (!msg || !*msg)
        msg = egdi_strerror(st);
    PyObject *mod = PyImport_ImportModule("egdi.errors");
    PyObject *cls = mod ? PyObject_CallMethod(mod, "exception_class", "i", (int)st) : NULL;
    if (!cls) {
        PyErr_Clear();
        cls = PyExc_RuntimeError;
        Py_INCREF(cls);
    }
    PyErr_SetString(cls, msg);
    Py_DECREF(cls);
    Py_XDECREF(mod);
}

/* Report arrays of unequal lengths through the library's error channel (this
 * runs with the GIL released, so it must not touch Python). Not wrapped. */
static egdi_status egdi_py_lengths(size_t a, size_t b, const char *what)
{
    char msg[160];
    snprintf(msg, sizeof msg, "%s: arrays of different lengths (%zu and %zu)", what, a, b);
    return egdi_set_error(EGDI_ERR_INVALID_ARG, msg);
}

/* A Python sequence of str (None = NULL) as a C array of UTF-8 pointers. The
 * pointers point into the str objects themselves (their cached UTF-8 form),
 * which `items`, an immutable tuple, keeps alive while the GIL is released. */
typedef struct egdi_py_strings {
    PyObject *items;
    const char **ptr;
    size_t n;
} egdi_py_strings;
#define EGDI_PY_STRINGS_INIT {NULL, NULL, 0}

static void egdi_py_strings_free(egdi_py_strings *s)
{
    free((void *)s->ptr);
    Py_XDECREF(s->items);
    s->ptr = NULL;
    s->items = NULL;
    s->n = 0;
}

/* Convert `obj`; None becomes NULL where `allow_none`. A non-str item is a
 * TypeError if `type_error`, otherwise an EGDI_ERR_INVALID_ARG recorded in the
 * library's error channel (returned without a Python exception set). Returns
 * EGDI_OK or a status; when a Python exception is set, it is the one to raise.
 * Needs the GIL. */
static egdi_status egdi_py_strings_from(PyObject *obj, const char *what, int allow_none,
                                        int type_error, egdi_py_strings *s)
{
    char msg[200];
    s->items = PySequence_Tuple(obj);
    if (!s->items)
        return EGDI_ERR_INVALID_ARG;
    Py_ssize_t len = PyTuple_GET_SIZE(s->items);
    s->ptr = (const char **)calloc((size_t)len + 1, sizeof *s->ptr);
    if (!s->ptr) {
        PyErr_NoMemory();
        return EGDI_ERR_NOMEM;
    }
    s->n = (size_t)len;
    for (Py_ssize_t i = 0; i < len; i++) {
        PyObject *item = PyTuple_GET_ITEM(s->items, i);
        if (item == Py_None && allow_none)
            continue;
        if (!PyUnicode_Check(item)) {
            if (type_error) {
                PyErr_Format(PyExc_TypeError, "%s[%zd] is not a str", what, i);
                return EGDI_ERR_INVALID_ARG;
            }
            snprintf(msg, sizeof msg, "%s: unit %zd: expected text%s, not %s", what, i + 1,
                     allow_none ? " or None" : "",
                     item == Py_None ? "None" : Py_TYPE(item)->tp_name);
            return egdi_set_error(EGDI_ERR_INVALID_ARG, msg);
        }
        Py_ssize_t size = 0;
        const char *p = PyUnicode_AsUTF8AndSize(item, &size);
        if (!p)
            return EGDI_ERR_INVALID_ARG;
        if (strlen(p) != (size_t)size) {
            snprintf(msg, sizeof msg, "%s: unit %zd: the text contains a NUL character", what,
                     i + 1);
            return egdi_set_error(EGDI_ERR_INVALID_ARG, msg);
        }
        s->ptr[i] = p;
    }
    return EGDI_OK;
}

/* A list of n str from get(obj, i) (NULL -> None). Needs the GIL. */
static PyObject *egdi_py_str_list(size_t n, const char *(*get)(const void *, size_t),
                                  const void *obj)
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        const char *s = get(obj, i);
        PyObject *item;
        if (s) {
            item = PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "surrogateescape");
        } else {
            item = Py_None;
            Py_INCREF(item);
        }
        if (!item)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    return list;
}

static const char *egdi_py_get_code(const void *ds, size_t i)
{
    return egdi_dataset_unit_code((const egdi_dataset *)ds, i);
}
static const char *egdi_py_get_name(const void *ds, size_t i)
{
    return egdi_dataset_unit_name((const egdi_dataset *)ds, i);
}
static const char *egdi_py_get_plan_unit(const void *plan, size_t i)
{
    return egdi_plan_unit_code((const egdi_plan *)plan, i);
}
typedef struct egdi_py_column { const egdi_dataset *ds; size_t j; } egdi_py_column;
static const char *egdi_py_get_level(const void *col, size_t k)
{
    const egdi_py_column *c = (const egdi_py_column *)col;
    return egdi_dataset_level(c->ds, c->j, k);
}

/* NULL with the exception of a failed status (for helpers returning objects). */
static PyObject *egdi_py_fail(egdi_status st)
{
    egdi_py_raise(st);
    return NULL;
}
%}

%include "numpy.i"
%init %{
import_array();
/* GSL's default error handler aborts the process; libegdi checks every GSL
 * status itself, so switch the handler off once for the whole process. */
gsl_set_error_handler_off();
%}

%include "stdint.i"
%include "typemaps.i"

/* ---- status: raise on failure, otherwise return None (or the out values) ---- */
%typemap(out) egdi_status {
    if ($1 != EGDI_OK) {
        if (!PyErr_Occurred()) /* a conversion in a helper may have raised already */
            egdi_py_raise($1);
        SWIG_fail;
    }
    $result = Py_None;
    Py_INCREF(Py_None);
}

/* ---- opaque handles: owning proxy classes freed deterministically ---- */
%define EGDI_HANDLE(TYPE, FREE)
%nodefaultctor TYPE;
struct TYPE {};
%extend TYPE {
    ~TYPE() { FREE($self); }
}
%ignore FREE;
%typemap(in, numinputs=0) TYPE **out (TYPE *tmp = NULL) { $1 = &tmp; }
%typemap(argout) TYPE **out {
    $result = SWIG_Python_AppendOutput($result,
        SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}
%enddef
EGDI_HANDLE(egdi_dataset, egdi_dataset_free)
EGDI_HANDLE(egdi_index, egdi_index_free)
EGDI_HANDLE(egdi_result, egdi_result_free)
EGDI_HANDLE(egdi_plan, egdi_plan_free)
EGDI_HANDLE(egdi_eval, egdi_eval_free)

/* An evaluation context must not outlive its plan: the proxy keeps a reference. */
%feature("pythonappend") egdi_eval_new %{
    val._plan = plan
%}

/* ---- scalar out-parameters ---- */
%apply size_t *OUTPUT { size_t *out, size_t *index_out };
%apply double *OUTPUT { double *value, double *weight };
%apply int *OUTPUT { int *id };
%apply int *OUTPUT { int *verbatim };
%typemap(in, numinputs=0) egdi_column_kind *out (egdi_column_kind tmp = EGDI_COLUMN_NUMERIC) {
    $1 = &tmp;
}
%typemap(argout) egdi_column_kind *out {
    $result = SWIG_Python_AppendOutput($result, PyLong_FromLong((long)*$1));
}
%apply double *OUTPUT { double *w_osi, double *w_tii, double *w_hci, double *tii_cap };
%apply int *OUTPUT { int *decimals, int *rank_decimals, int *classes };

/* ---- the method registry's descriptions, as dicts ---- */
%typemap(in, numinputs=0) egdi_method_info *out (egdi_method_info tmp) {
    memset(&tmp, 0, sizeof tmp);
    tmp.version = EGDI_METHOD_INFO_VERSION;
    $1 = &tmp;
}
%typemap(argout) egdi_method_info *out {
    PyObject *d = Py_BuildValue("{s:i,s:i,s:s,s:s,s:n,s:n,s:I}", "step", (int)$1->step,
                                "id", $1->id, "name", $1->name, "summary", $1->summary,
                                "n_params", (Py_ssize_t)$1->n_params,
                                "n_required", (Py_ssize_t)$1->n_required,
                                "flags", $1->flags);
    if (!d) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, d);
}
%typemap(in, numinputs=0) egdi_param_info *out (egdi_param_info tmp) {
    memset(&tmp, 0, sizeof tmp);
    tmp.version = EGDI_PARAM_INFO_VERSION;
    $1 = &tmp;
}
%typemap(argout) egdi_param_info *out {
    PyObject *d = Py_BuildValue("{s:s,s:s,s:d,s:d,s:d,s:O}", "name", $1->name,
                                "summary", $1->summary, "default", $1->default_value,
                                "lower", $1->lower, "upper", $1->upper,
                                "lower_open", $1->lower_open ? Py_True : Py_False);
    if (!d) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, d);
}

/* ---- arrays (numpy.i) ---- */
%numpy_typemaps(double, NPY_DOUBLE, size_t)
%numpy_typemaps(int, NPY_INT, size_t)
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *values, size_t n) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *params, size_t n_params) };
%apply (double *INPLACE_ARRAY1, size_t DIM1) { (double *out, size_t n) };
%apply (int *INPLACE_ARRAY1, size_t DIM1) { (int *out, size_t n) };
%apply (int *INPLACE_ARRAY1, size_t DIM1) { (int *ranks, size_t n) };

/* ---- a sequence of str/None as (const char *const *labels, size_t n) ---- */
%typemap(in) (const char *const *labels, size_t n) (egdi_py_strings strs = EGDI_PY_STRINGS_INIT) {
    if ($input != Py_None) {
        egdi_status st_strs = egdi_py_strings_from($input, "labels", 1, 1, &strs);
        if (st_strs != EGDI_OK) {
            if (!PyErr_Occurred())
                egdi_py_raise(st_strs);
            SWIG_fail;
        }
    }
    $1 = ($1_ltype)strs.ptr;
    $2 = strs.n;
}
%typemap(freearg) (const char *const *labels, size_t n) {
    egdi_py_strings_free(&strs$argnum);
}

/* ---- what Python does not need ---- */
%ignore egdi_dataset_write_csv_stream;
%ignore egdi_dataset_write_json_stream;
%ignore egdi_dataset_read_csv_stream;     /* FILE * streams are C's business */
%ignore egdi_survey_read_un_csv_stream;
%ignore egdi_dataset_read_csv_buffer;
%ignore egdi_index_read_csv_buffer;
%ignore egdi_survey_read_un_csv_buffer;
%ignore egdi_csv_options;
%ignore egdi_csv_options_init;
%ignore egdi_csv_options_init_version;
%ignore egdi_survey_options;
%ignore egdi_survey_options_init;
%ignore egdi_survey_options_init_version;
%ignore egdi_round;
%ignore egdi_rank;
%ignore egdi_groups;
%ignore egdi_rating_classes;
%ignore egdi_group_means;
%ignore egdi_quantile_sorted;
%ignore egdi_survey_compute_ex;
%ignore egdi_survey_edition_info;
%ignore egdi_edition_info;
%ignore egdi_method_info;
%ignore egdi_param_info;
%ignore egdi_dataset_add_units;   /* egdi_py_add_units below: two lists in one call */
%ignore egdi_result_plan;         /* borrowed handles that would dangle in Python */
%ignore egdi_result_eval;

%include "egdi/export.h"
%include "egdi/error.h"
%include "egdi/common.h"
%include "egdi/version.h"
%include "egdi/dataset.h"
%include "egdi/output.h"
%include "egdi/method.h"
%ignore egdi_imeta_options;             /* egdi_py_read_imeta (index_io.i) takes them as arguments */
%ignore egdi_imeta_options_init_version;
%include "egdi/index.h"
%ignore egdi_treatment_info::pass;      /* a Python keyword; pipeline.i returns the struct as a dict */
%ignore egdi_compute_by_period_options;
%ignore egdi_compute_by_period_options_init_version;
%ignore egdi_compute_by_period;
%include "egdi/compute.h"
%include "egdi/plan.h"
%include "egdi/rank.h"
%include "egdi/survey.h"

/* ---- array functions with one length for several arrays, and option structs:
 * thin wrappers whose arrays are all pointer + length ---- */
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *x, size_t n) };
%apply (int *IN_ARRAY1, size_t DIM1) { (const int *groups, size_t n_groups_in) };
%apply (int *INPLACE_ARRAY1, size_t DIM1) { (int *ranks, size_t n_ranks) };
%apply (int *INPLACE_ARRAY1, size_t DIM1) { (int *result, size_t n_result) };
%apply (double *INPLACE_ARRAY1, size_t DIM1) { (double *result_x, size_t n_result_x) };
%apply (double *INPLACE_ARRAY1, size_t DIM1) { (double *means, size_t n_means) };
%apply (double *INPLACE_ARRAY1, size_t DIM1) { (double *counts, size_t n_counts) };

%inline %{
/** Round x to `decimals` places (halves away from zero) into result_x. */
egdi_status egdi_py_round(const double *x, size_t n, int decimals, double *result_x,
                          size_t n_result_x)
{
    if (n != n_result_x)
        return egdi_py_lengths(n, n_result_x, "round");
    return egdi_round(x, n, decimals, result_x);
}

/** Rank x (highest first) into ranks; decimals -1 = unrounded; 0 = missing. */
egdi_status egdi_py_rank(const double *x, size_t n, int decimals, int ties, int *ranks,
                         size_t n_ranks)
{
    if (n != n_ranks)
        return egdi_py_lengths(n, n_ranks, "rank");
    return egdi_rank(x, n, decimals, (egdi_ties)ties, ranks);
}

/** EGDI groups (0 none, 1 low .. 4 very high) into result; thresholds t0 < t1 < t2. */
egdi_status egdi_py_groups(const double *x, size_t n, double t0, double t1, double t2,
                           int *result, size_t n_result)
{
    double t[3] = {t0, t1, t2};
    if (n != n_result)
        return egdi_py_lengths(n, n_result, "groups");
    return egdi_groups(x, n, t, result);
}

/** Rating classes (codes 1..16, 0 none) of x within groups, into result. */
egdi_status egdi_py_rating_classes(const double *x, size_t n, const int *groups,
                                   size_t n_groups_in, int quantile_type, int *result,
                                   size_t n_result)
{
    if (n != n_groups_in || n != n_result)
        return egdi_py_lengths(n, n_result, "rating_classes");
    return egdi_rating_classes(x, groups, n, quantile_type, result);
}

/** Unweighted means of x per group (groups[i] in 0..n_means-1, < 0 = left out). */
egdi_status egdi_py_group_means(const double *x, size_t n, const int *groups,
                                size_t n_groups_in, double *means, size_t n_means,
                                double *counts, size_t n_counts)
{
    if (n != n_groups_in || n_means != n_counts)
        return egdi_py_lengths(n, n_groups_in, "group_means");
    size_t *c = (size_t *)malloc((n_means ? n_means : 1) * sizeof *c);
    if (!c)
        return egdi_set_error(EGDI_ERR_NOMEM, "group_means: out of memory");
    egdi_status st = egdi_group_means(x, groups, n, n_means, means, c);
    for (size_t g = 0; st == EGDI_OK && g < n_means; g++)
        counts[g] = (double)c[g];
    free(c);
    return st;
}

/** Parameters of an edition as a tuple-friendly set of out values. */
egdi_status egdi_py_edition_info(int edition, double *w_osi, double *w_tii, double *w_hci,
                                 int *decimals, int *rank_decimals, int *classes,
                                 double *tii_cap)
{
    egdi_edition_info e;
    e.version = EGDI_EDITION_INFO_VERSION;
    egdi_status st = egdi_survey_edition_info(edition, &e);
    if (st == EGDI_OK) {
        *w_osi = e.weight_osi, *w_tii = e.weight_tii, *w_hci = e.weight_hci;
        *decimals = e.decimals, *rank_decimals = e.rank_decimals;
        *classes = e.has_rating_classes, *tii_cap = e.tii_cap;
    }
    return st;
}
%}

/* ---- egdi_survey_compute_ex with its options as arguments. Defined here and
 * declared below with default arguments, so that calls written for 1.0 (no
 * imputation arguments) keep working. ---- */
%{
/* The survey options the egdi_py_* wrappers of the Survey (compute, published,
 * what-if, explain) take as arguments: the ranking choices, the imputation and
 * the two plausibility overrides; each wrapper sets its own others. */
static egdi_survey_options egdi_py_survey_options(int quantile_type, int rank_decimals,
                                                  double t0, double t1, double t2, int impute,
                                                  const char *impute_group,
                                                  int allow_out_of_range,
                                                  int allow_edition_mismatch)
{
    egdi_survey_options o = EGDI_SURVEY_OPTIONS_INIT;
    o.quantile_type = quantile_type;
    o.rank_decimals = rank_decimals;
    o.thresholds[0] = t0;
    o.thresholds[1] = t1;
    o.thresholds[2] = t2;
    o.impute = (egdi_impute)impute;
    o.impute_group = impute_group;
    o.allow_out_of_range = allow_out_of_range;
    o.allow_edition_mismatch = allow_edition_mismatch;
    return o;
}

egdi_status egdi_py_survey_compute(int edition, int input, const egdi_dataset *data,
                                   int quantile_type, int rank_decimals, double t0, double t1,
                                   double t2, egdi_dataset **out, const char *const *labels,
                                   size_t n, int impute, const char *impute_group,
                                   int allow_out_of_range, int allow_edition_mismatch,
                                   int component_ranks, int drop_absent_indicators)
{
    egdi_survey_options o =
        egdi_py_survey_options(quantile_type, rank_decimals, t0, t1, t2, impute, impute_group,
                               allow_out_of_range, allow_edition_mismatch);
    o.rank_within = labels;
    o.n_rank_within = n;
    o.component_ranks = component_ranks;
    o.drop_absent_indicators = drop_absent_indicators;
    return egdi_survey_compute_ex(edition, (egdi_survey_input)input, data, &o, out);
}
%}
/** egdi_survey_compute_ex with its options as arguments (0 / -2 / 0,0,0 / None / 0 /
 *  None / 0 / 0 / 0 = defaults): quantile type, rank decimals, the three group
 *  thresholds, the label columns to rank within (a list or None), the
 *  imputation method id (egdi_impute) and its group column, the two
 *  plausibility overrides, the component ranks and leaving out absent raw
 *  indicators. */
egdi_status egdi_py_survey_compute(int edition, int input, const egdi_dataset *data,
                                   int quantile_type, int rank_decimals, double t0, double t1,
                                   double t2, egdi_dataset **out, const char *const *labels,
                                   size_t n, int impute = 0,
                                   const char *impute_group = NULL, int allow_out_of_range = 0,
                                   int allow_edition_mismatch = 0, int component_ranks = 0,
                                   int drop_absent_indicators = 0);

/* ---- strings in bulk: one call per list, never one per unit ---- */
%{
/* verbatim: 1 if every unit's code and name are stored exactly as given (no
 * blank trimmed, no missing name defaulted), so Python may reuse its own
 * string objects instead of converting the stored ones back. */
static int egdi_py_verbatim(const egdi_py_strings *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const char *p = s->ptr[i];
        size_t len = p ? strlen(p) : 0;
        if (!len || strchr(" \t\r\n", p[0]) || strchr(" \t\r\n", p[len - 1]))
            return 0;
    }
    return 1;
}

egdi_status egdi_py_add_units(egdi_dataset *ds, PyObject *codes, PyObject *names, int *verbatim)
{
    *verbatim = 0;
    egdi_py_strings c = EGDI_PY_STRINGS_INIT, m = EGDI_PY_STRINGS_INIT;
    egdi_status st = egdi_py_strings_from(codes, "codes", 0, 0, &c);
    if (st == EGDI_OK && names != Py_None)
        st = egdi_py_strings_from(names, "names", 1, 0, &m);
    if (st == EGDI_OK && names != Py_None && m.n != c.n)
        st = egdi_py_lengths(c.n, m.n, "add_units: codes and names");
    if (st == EGDI_OK) {
        Py_BEGIN_ALLOW_THREADS
        st = egdi_dataset_add_units(ds, c.ptr, m.ptr, c.n);
        if (st == EGDI_OK)
            *verbatim = egdi_py_verbatim(&c) && (names == Py_None || egdi_py_verbatim(&m));
        Py_END_ALLOW_THREADS
    }
    egdi_py_strings_free(&c);
    egdi_py_strings_free(&m);
    return st;
}

PyObject *egdi_py_unit_codes(const egdi_dataset *ds)
{
    if (!ds)
        return egdi_py_fail(egdi_set_error(EGDI_ERR_INVALID_ARG, "unit_codes: ds is NULL"));
    return egdi_py_str_list(egdi_dataset_n_units(ds), egdi_py_get_code, ds);
}

PyObject *egdi_py_unit_names(const egdi_dataset *ds)
{
    if (!ds)
        return egdi_py_fail(egdi_set_error(EGDI_ERR_INVALID_ARG, "unit_names: ds is NULL"));
    return egdi_py_str_list(egdi_dataset_n_units(ds), egdi_py_get_name, ds);
}

PyObject *egdi_py_levels(const egdi_dataset *ds, size_t j)
{
    size_t n = 0;
    egdi_status st = egdi_dataset_n_levels(ds, j, &n);
    if (st != EGDI_OK)
        return egdi_py_fail(st);
    egdi_py_column col = {ds, j};
    return egdi_py_str_list(n, egdi_py_get_level, &col);
}

PyObject *egdi_py_plan_unit_codes(const egdi_plan *plan)
{
    if (!plan)
        return egdi_py_fail(egdi_set_error(EGDI_ERR_INVALID_ARG, "plan_unit_codes: plan is NULL"));
    return egdi_py_str_list(egdi_plan_n_units(plan), egdi_py_get_plan_unit, plan);
}

/* X-macro step: append (code, name, description, Python class, Python base). */
static int egdi_py_append_status(PyObject *list, int value, const char *name, const char *text,
                                 const char *pyclass, const char *pybase)
{
    PyObject *t = Py_BuildValue("(issss)", value, name, text, pyclass, pybase);
    int rc = t ? PyList_Append(list, t) : -1;
    Py_XDECREF(t);
    return rc;
}

PyObject *egdi_py_status_list(void)
{
    PyObject *list = PyList_New(0);
#define EGDI_PY_STATUS_ITEM(name, value, text, pyclass, pybase)                  \
    if (list && egdi_py_append_status(list, value, #name, text, pyclass, pybase)) \
        Py_CLEAR(list);
    EGDI_STATUS_LIST(EGDI_PY_STATUS_ITEM)
#undef EGDI_PY_STATUS_ITEM
    return list;
}
%}

/* These convert Python objects, so they run with the GIL held (egdi_py_add_units
 * releases it itself around the C call). */
%nothread egdi_py_add_units;
%nothread egdi_py_unit_codes;
%nothread egdi_py_unit_names;
%nothread egdi_py_levels;
%nothread egdi_py_plan_unit_codes;
%nothread egdi_py_status_list;

/** Append units in one call: codes (a sequence of str) and names (a sequence
 *  of str or None, or None for all): egdi_dataset_add_units(), all or nothing. */
egdi_status egdi_py_add_units(egdi_dataset *ds, PyObject *codes, PyObject *names, int *verbatim);
/** The codes of all units of a dataset, as a list of str. */
PyObject *egdi_py_unit_codes(const egdi_dataset *ds);
/** The names of all units of a dataset, as a list of str. */
PyObject *egdi_py_unit_names(const egdi_dataset *ds);
/** The levels of label column j, in level-number order, as a list of str. */
PyObject *egdi_py_levels(const egdi_dataset *ds, size_t j);
/** The unit codes of a plan, in unit order, as a list of str. */
PyObject *egdi_py_plan_unit_codes(const egdi_plan *plan);
/** The status codes from EGDI_STATUS_LIST: a list of (code, symbolic name,
 *  description, Python class name, Python built-in base name) tuples. */
PyObject *egdi_py_status_list(void);

/* ---- analytics: one interface file per topic ---- */
%include "members.i"
%include "panel.i"
%include "whatif.i"
%include "explain.i"
%include "index_io.i"
%include "methods.i"
%include "pipeline.i"
%include "impute.i"
%include "weights.i"
%include "describe.i"
%include "compute_by.i"
