/* SWIG interface of the private module egdi._egdi, generated from the public
 * headers. Handles become owning proxy classes, every egdi_status is checked
 * (a failure raises the egdi.Error subclass of its code, carrying the library's
 * message), arrays travel as numpy arrays (pointer + length), and the GIL is
 * released around every C call (swig -threads). */
%module(package="egdi") _egdi

%{
#define SWIG_FILE_WITH_INIT
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
%}

%include "numpy.i"
%init %{
import_array();
%}

%include "stdint.i"
%include "typemaps.i"

/* ---- status: raise on failure, otherwise return None (or the out values) ---- */
%typemap(out) egdi_status {
    if ($1 != EGDI_OK) {
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

/* ---- scalar out-parameters ---- */
%apply size_t *OUTPUT { size_t *out, size_t *index_out };
%apply double *OUTPUT { double *value };
%typemap(in, numinputs=0) egdi_column_kind *out (egdi_column_kind tmp = EGDI_COLUMN_NUMERIC) {
    $1 = &tmp;
}
%typemap(argout) egdi_column_kind *out {
    $result = SWIG_Python_AppendOutput($result, PyLong_FromLong((long)*$1));
}
%apply double *OUTPUT { double *w_osi, double *w_tii, double *w_hci, double *tii_cap };
%apply int *OUTPUT { int *decimals, int *rank_decimals, int *classes };

/* ---- arrays (numpy.i) ---- */
%numpy_typemaps(double, NPY_DOUBLE, size_t)
%numpy_typemaps(int, NPY_INT, size_t)
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *values, size_t n) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *params, size_t n_params) };
%apply (double *INPLACE_ARRAY1, size_t DIM1) { (double *out, size_t n) };
%apply (int *INPLACE_ARRAY1, size_t DIM1) { (int *out, size_t n) };

/* ---- a sequence of str/None as (const char *const *labels, size_t n) ---- */
%typemap(in) (const char *const *labels, size_t n) (PyObject *seq = NULL, PyObject **bytes = NULL) {
    $1 = NULL;
    $2 = 0;
    if ($input != Py_None) {
        seq = PySequence_Fast($input, "labels must be a sequence of str or None");
        if (!seq) SWIG_fail;
        Py_ssize_t len = PySequence_Fast_GET_SIZE(seq);
        const char **arr = (const char **)calloc((size_t)len + 1, sizeof(char *));
        $1 = ($1_ltype)arr;
        bytes = (PyObject **)calloc((size_t)len + 1, sizeof(PyObject *));
        if (!arr || !bytes) { PyErr_NoMemory(); SWIG_fail; }
        for (Py_ssize_t i = 0; i < len; i++) {
            PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
            if (item == Py_None) continue;
            if (!PyUnicode_Check(item)) {
                PyErr_Format(PyExc_TypeError, "labels[%zd] is not a str", i);
                SWIG_fail;
            }
            bytes[i] = PyUnicode_AsUTF8String(item);
            if (!bytes[i]) SWIG_fail;
            arr[i] = PyBytes_AS_STRING(bytes[i]);
        }
        $2 = (size_t)len;
    }
}
%typemap(freearg) (const char *const *labels, size_t n) {
    if (bytes$argnum) {
        for (size_t i = 0; i < $2; i++) Py_XDECREF(bytes$argnum[i]);
        free(bytes$argnum);
    }
    free((void *)$1);
    Py_XDECREF(seq$argnum);
}

/* ---- what Python does not need ---- */
%ignore egdi_dataset_write_csv_stream;
%ignore egdi_dataset_write_json_stream;
%ignore egdi_dataset_read_csv_buffer;
%ignore egdi_index_read_csv_buffer;
%ignore egdi_survey_read_un_csv_buffer;
%ignore egdi_csv_options;
%ignore egdi_csv_options_init;
%ignore egdi_survey_options;
%ignore egdi_survey_options_init;
%ignore egdi_round;
%ignore egdi_rank;
%ignore egdi_groups;
%ignore egdi_rating_classes;
%ignore egdi_group_means;
%ignore egdi_quantile_sorted;
%ignore egdi_survey_compute_ex;
%ignore egdi_survey_edition_info;
%ignore egdi_edition_info;

%include "egdi/export.h"
%include "egdi/error.h"
%include "egdi/common.h"
%include "egdi/version.h"
%include "egdi/dataset.h"
%include "egdi/method.h"
%include "egdi/index.h"
%include "egdi/compute.h"
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
        return EGDI_ERR_NOMEM;
    egdi_status st = egdi_group_means(x, groups, n, n_means, means, c);
    for (size_t g = 0; st == EGDI_OK && g < n_means; g++)
        counts[g] = (double)c[g];
    free(c);
    return st;
}

/** egdi_survey_compute_ex with its options as arguments (0 / -2 / 0,0,0 = defaults). */
egdi_status egdi_py_survey_compute(int edition, int input, const egdi_dataset *data,
                                   int quantile_type, int rank_decimals, double t0, double t1,
                                   double t2, egdi_dataset **out)
{
    egdi_survey_options o;
    egdi_survey_options_init(&o);
    o.quantile_type = quantile_type;
    o.rank_decimals = rank_decimals;
    o.thresholds[0] = t0;
    o.thresholds[1] = t1;
    o.thresholds[2] = t2;
    return egdi_survey_compute_ex(edition, (egdi_survey_input)input, data, &o, out);
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
