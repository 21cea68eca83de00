/* (being written): SWIG declarations of <egdi/panel.h> */
