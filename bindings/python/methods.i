/* (being written): SWIG declarations of the array-level method functions of <egdi/method.h> */
