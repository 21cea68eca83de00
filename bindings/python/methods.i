/* SWIG declarations of the array-level method functions of <egdi/method.h>
 * (egdi_normalise_array, egdi_aggregate_array, egdi_impute_array): the C
 * functions are hidden from SWIG (#if !defined(SWIG)); Python reaches them
 * through the egdi_py_* wrappers below with numpy arrays, and through the
 * functions normalise_array(), aggregate_array() and impute_array() of the
 * %pythoncode block, which take a method by name and return new arrays. The
 * wrappers run without the GIL (SWIG -threads). */

%apply (double *IN_ARRAY1, size_t DIM1) { (const double *ma_x, size_t ma_n) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *ma_weights, size_t ma_n_weights) };
%apply (double *IN_ARRAY2, size_t DIM1, size_t DIM2) {
    (const double *ma_values, size_t ma_rows, size_t ma_cols) };
%apply (double *INPLACE_ARRAY1, size_t DIM1) { (double *ma_out, size_t ma_n_out) };
%apply (int *IN_ARRAY1, size_t DIM1) { (const int *ma_groups, size_t ma_n_groups) };
%apply (int *INPLACE_ARRAY1, size_t DIM1) { (int *ma_imputed, size_t ma_n_imputed) };

%ignore egdi_py_array_size;
%inline %{
static egdi_status egdi_py_array_size(size_t got, size_t want, const char *what)
{
    char msg[128];
    if (got == want)
        return EGDI_OK;
    snprintf(msg, sizeof msg, "%s has %zu values, expected %zu", what, got, want);
    return egdi_set_error(EGDI_ERR_INVALID_ARG, msg);
}

/** egdi_normalise_array() on numpy arrays; out must have the length of x. */
egdi_status egdi_py_normalise_array(int method, const double *params, size_t n_params,
                                    int direction, const double *ma_x, size_t ma_n,
                                    double *ma_out, size_t ma_n_out)
{
    egdi_status st = egdi_py_array_size(ma_n_out, ma_n, "out");
    if (st == EGDI_OK)
        st = egdi_normalise_array(method, params, n_params, direction, ma_x, ma_n, ma_out);
    return st;
}

/** egdi_aggregate_array() on a 2-D array (units x children) and one weight per child. */
egdi_status egdi_py_aggregate_array(int method, const double *params, size_t n_params,
                                    const double *ma_values, size_t ma_rows, size_t ma_cols,
                                    const double *ma_weights, size_t ma_n_weights,
                                    double *ma_out, size_t ma_n_out)
{
    egdi_status st = egdi_py_array_size(ma_n_weights, ma_cols, "weights");
    if (st == EGDI_OK)
        st = egdi_py_array_size(ma_n_out, ma_rows, "out");
    if (st == EGDI_OK)
        st = egdi_aggregate_array(method, params, n_params, ma_values, ma_rows, ma_cols,
                                  ma_weights, ma_out);
    return st;
}

/** egdi_impute_array() on numpy arrays; groups is used when has_groups is 1. */
egdi_status egdi_py_impute_array(int method, const double *params, size_t n_params,
                                 const double *ma_x, size_t ma_n, int has_groups,
                                 const int *ma_groups, size_t ma_n_groups, double *ma_out,
                                 size_t ma_n_out, int *ma_imputed, size_t ma_n_imputed)
{
    egdi_status st = egdi_py_array_size(ma_n_out, ma_n, "out");
    if (st == EGDI_OK)
        st = egdi_py_array_size(ma_n_imputed, ma_n, "imputed");
    if (st == EGDI_OK && has_groups)
        st = egdi_py_array_size(ma_n_groups, ma_n, "groups");
    if (st == EGDI_OK)
        st = egdi_impute_array(method, params, n_params, ma_x, ma_n,
                               has_groups ? ma_groups : NULL, ma_out, ma_imputed);
    return st;
}
%}

%pythoncode %{
def _array_method(step, method):
    """A method given by name (as in egdi.methods()) or by id, as its id."""
    import numbers
    if isinstance(method, numbers.Integral):
        return int(method)
    return egdi_method_from_name(step, method)


def _array_params(params):
    import numpy as np
    return np.ascontiguousarray(params if params is not None else (), dtype=np.float64)


def normalise_array(x, method, params=(), direction=1):
    """Normalise the values x (NaN = missing) with a normalisation of the
    registry ("minmax", "zscore", "rank", ... or its id), the parameters as
    numbers in the registry's order (a keyword as its position, e.g. zscore
    (0, 1, 1) for sd_type=sample; dist2ref's ref as the 1-based position of
    the reference value), after multiplying by direction (+1 or -1) as an
    index does. Returns a new float array."""
    import numpy as np
    xs = np.ascontiguousarray(x, dtype=np.float64).ravel()
    out = np.empty_like(xs)
    egdi_py_normalise_array(_array_method(EGDI_STEP_NORMALISE, method), _array_params(params),
                            int(direction), xs, out)
    return out


def aggregate_array(values, method, weights=None, params=()):
    """Aggregate a 2-D array (one row per unit, one column per child; NaN =
    missing) with an aggregation of the registry ("mean", "geomean", ...),
    weights one per column (None = equal). Returns one value per row."""
    import numpy as np
    v = np.ascontiguousarray(values, dtype=np.float64)
    if v.ndim != 2:
        raise ValueError("values must be 2-D: one row per unit, one column per child")
    w = np.ones(v.shape[1]) if weights is None else np.ascontiguousarray(weights,
                                                                         dtype=np.float64)
    out = np.empty(v.shape[0])
    egdi_py_aggregate_array(_array_method(EGDI_STEP_AGGREGATE, method), _array_params(params),
                            v, w, out)
    return out


def impute_array(x, method, groups=None, params=()):
    """Fill the missing values (NaN) of x with an imputation of the registry
    ("mean", "median", "groupmean", ...); groups (0, 1, ...; -1 = none) for
    the group methods. Returns (values, imputed) with imputed a bool array."""
    import numpy as np
    xs = np.ascontiguousarray(x, dtype=np.float64).ravel()
    g = np.ascontiguousarray(groups if groups is not None else (), dtype=np.intc).ravel()
    out = np.empty_like(xs)
    flags = np.zeros(xs.shape[0], dtype=np.intc)
    egdi_py_impute_array(_array_method(EGDI_STEP_IMPUTE, method), _array_params(params), xs,
                         int(groups is not None), g, out, flags)
    return out, flags.astype(bool)
%}
