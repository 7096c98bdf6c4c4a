/*
 * coopcheck.loading._yamlbuild: the fast path of yamlsource.parse, in C on libyaml.
 *
 * build(text, sink, sink_root_list, streamed_key, batch, max_depth, key_depth)
 *     -> (root, mapping_marks, key_marks), or None
 *
 * Builds exactly what yamlsource._build builds from the same text (plain dicts, lists, strings and
 * None; where each mapping starts; where the keys of the upper levels were written; the activity
 * list handed to `sink` in batches), without making a Python object of every libyaml event: that
 * is where _build spends most of its time. It returns None for anything _build refuses (a syntax
 * error, an anchor or alias, a tag other than `!` and `!!str`, a duplicate, empty or non-text key,
 * nesting deeper than `max_depth`, a second document): _build then reads the text again and says
 * what is wrong, so every message has one source. tests/test_yamlbuild.py holds the two to the
 * same result; benchmarks/bench_validate.py measures what this saves.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>
#include <yaml.h>

#define STR_TAG "tag:yaml.org,2002:str"

typedef struct {
    PyObject *container; /* the open dict or list (owned), NULL at the top */
    PyObject *key;       /* the key waiting for its value (owned), or NULL */
    PyObject *path;      /* key path of an upper-level mapping (owned tuple), or NULL */
    int in_list;
} Frame;

typedef struct {
    Frame *stack;
    Py_ssize_t depth, max_depth, key_depth, batch_size, first;
    Frame now;
    PyObject *root, *marks, *key_marks, *keys;
    PyObject *sink, *streamed_key, *streamed, *batch, *places, *nowhere;
    int sink_root_list, documents;
} State;

static int is_null(const char *value, size_t length) {
    switch (length) {
    case 0:
        return 1;
    case 1:
        return value[0] == '~';
    case 4:
        return !memcmp(value, "null", 4) || !memcmp(value, "Null", 4) || !memcmp(value, "NULL", 4);
    default:
        return 0;
    }
}

/* 1 when a node's anchor and tag are what _build accepts without a word. */
static int plain_node(const yaml_char_t *anchor, const yaml_char_t *tag) {
    if (anchor != NULL) return 0;
    return tag == NULL || !strcmp((const char *)tag, "!") || !strcmp((const char *)tag, STR_TAG);
}

static PyObject *place(yaml_mark_t mark) {
    return Py_BuildValue("(nn)", (Py_ssize_t)mark.line + 1, (Py_ssize_t)mark.column + 1);
}

/* Hands the items read so far to the sink. -1 on a Python error. */
static int flush(State *s) {
    if (s->batch == NULL || PyList_GET_SIZE(s->batch) == 0) return 0;
    PyObject *result = PyObject_CallFunction(s->sink, "OOn", s->batch, s->places, s->first);
    if (result == NULL) return -1;
    Py_DECREF(result);
    s->first += PyList_GET_SIZE(s->batch);
    Py_SETREF(s->batch, PyList_New(0));
    Py_SETREF(s->places, PyList_New(0));
    return s->batch == NULL || s->places == NULL ? -1 : 0;
}

/* An item of the streamed list: kept in the batch, with where it starts. */
static int stream_item(State *s, PyObject *item, PyObject *where) {
    if (PyList_GET_SIZE(s->batch) >= s->batch_size && flush(s) < 0) return -1;
    if (PyList_Append(s->batch, item) < 0) return -1;
    return PyList_Append(s->places, where ? where : s->nowhere);
}

/* Puts a finished value where the open container wants it. 1 done, 0 refused, -1 Python error. */
static int attach(State *s, PyObject *value, PyObject *where) {
    if (s->now.in_list) {
        if (s->now.container == s->streamed) return stream_item(s, value, where) < 0 ? -1 : 1;
        return PyList_Append(s->now.container, value) < 0 ? -1 : 1;
    }
    if (s->now.key != NULL) {
        int failed = PyDict_SetItem(s->now.container, s->now.key, value);
        Py_CLEAR(s->now.key);
        return failed ? -1 : 1;
    }
    if (s->now.container == NULL) {
        Py_INCREF(value);
        Py_XSETREF(s->root, value);
        return 1;
    }
    return 0; /* a list or mapping where a key belongs */
}

/* A new tuple: `tuple` with `item` after it. */
static PyObject *extended(PyObject *tuple, PyObject *item) {
    Py_ssize_t size = PyTuple_GET_SIZE(tuple);
    PyObject *longer = PyTuple_New(size + 1);
    if (longer == NULL) return NULL;
    for (Py_ssize_t i = 0; i < size; i++) PyTuple_SET_ITEM(longer, i, Py_NewRef(PyTuple_GET_ITEM(tuple, i)));
    PyTuple_SET_ITEM(longer, size, Py_NewRef(item));
    return longer;
}

/* A scalar: a value where one is due, else the key of the open mapping. */
static int scalar(State *s, yaml_event_t *event) {
    const char *text = (const char *)event->data.scalar.value;
    size_t length = event->data.scalar.length;
    if (!plain_node(event->data.scalar.anchor, event->data.scalar.tag)) return 0;
    int null = event->data.scalar.plain_implicit && is_null(text, length);
    if (s->now.in_list || s->now.key != NULL || s->now.container == NULL) {
        PyObject *value = null ? Py_NewRef(Py_None) : PyUnicode_DecodeUTF8(text, (Py_ssize_t)length, "strict");
        if (value == NULL) return -1;
        int done = attach(s, value, NULL);
        Py_DECREF(value);
        return done;
    }
    if (null) return 0; /* an empty key */
    PyObject *key = PyUnicode_DecodeUTF8(text, (Py_ssize_t)length, "strict");
    if (key == NULL) return -1;
    PyObject *shared = PyDict_SetDefault(s->keys, key, key); /* one object per key name */
    Py_DECREF(key);
    if (shared == NULL) return -1;
    int duplicate = PyDict_Contains(s->now.container, shared);
    if (duplicate) return duplicate < 0 ? -1 : 0;
    s->now.key = Py_NewRef(shared);
    if (s->now.path != NULL) {
        PyObject *written = extended(s->now.path, shared), *where = place(event->start_mark);
        int failed = written == NULL || where == NULL || PyDict_SetItem(s->key_marks, written, where) < 0;
        Py_XDECREF(written);
        Py_XDECREF(where);
        if (failed) return -1;
    }
    return 1;
}

/* Whether a list opening here is the streamed one: the top-level list, or the top mapping's key. */
static int streams(State *s) {
    if (s->sink == Py_None || s->streamed != NULL) return 0;
    if (s->now.container == NULL) return s->sink_root_list;
    if (s->now.container != s->root || s->now.key == NULL) return 0;
    return PyUnicode_Compare(s->now.key, s->streamed_key) == 0;
}

/* The key path of a mapping opening here, as _build keeps it (NULL: no key marks below). */
static PyObject *path_of_new(State *s, int mapping) {
    if (s->now.container == NULL) return mapping ? PyTuple_New(0) : NULL;
    if (s->now.path == NULL || !mapping || s->now.key == NULL) return NULL;
    if (PyTuple_GET_SIZE(s->now.path) >= s->key_depth) return NULL;
    return extended(s->now.path, s->now.key);
}

/* A list or mapping opens: attached where it belongs, and the open container until it closes. */
static int open_node(State *s, yaml_event_t *event, int mapping) {
    const yaml_char_t *anchor = mapping ? event->data.mapping_start.anchor : event->data.sequence_start.anchor;
    const yaml_char_t *tag = mapping ? event->data.mapping_start.tag : event->data.sequence_start.tag;
    if (!plain_node(anchor, tag) || s->depth >= s->max_depth) return 0;
    PyObject *node = mapping ? PyDict_New() : PyList_New(0), *where = NULL, *path = NULL;
    if (node == NULL) return -1;
    int done = 1;
    if (mapping) {
        where = place(event->start_mark);
        if (where == NULL) done = -1;
        else if (!(s->now.in_list && s->now.container == s->streamed)) {
            PyObject *id = PyLong_FromVoidPtr(node); /* id(node), as _build keys its marks */
            done = id == NULL || PyDict_SetItem(s->marks, id, where) < 0 ? -1 : 1;
            Py_XDECREF(id);
        }
    } else if (streams(s)) {
        s->streamed = node; /* stays empty in the data; its items go to the sink */
        s->batch = PyList_New(0);
        s->places = PyList_New(0);
        if (s->batch == NULL || s->places == NULL) done = -1;
    }
    if (done == 1) {
        path = path_of_new(s, mapping);
        if (path == NULL && PyErr_Occurred()) done = -1;
    }
    if (done == 1) done = attach(s, node, where);
    Py_XDECREF(where);
    if (done != 1) {
        Py_XDECREF(path);
        Py_DECREF(node);
        return done;
    }
    s->stack[s->depth++] = s->now;
    s->now.container = node;
    s->now.key = NULL;
    s->now.path = path;
    s->now.in_list = !mapping;
    return 1;
}

static void release(Frame *frame) {
    Py_CLEAR(frame->container);
    Py_CLEAR(frame->key);
    Py_CLEAR(frame->path);
}

static void close_node(State *s) {
    release(&s->now);
    s->now = s->stack[--s->depth];
    Py_CLEAR(s->now.key);
}

/* One event. 1 go on, 2 the stream ended, 0 refused, -1 Python error. */
static int step(State *s, yaml_event_t *event) {
    switch (event->type) {
    case YAML_SCALAR_EVENT:
        return scalar(s, event);
    case YAML_MAPPING_START_EVENT:
        return open_node(s, event, 1);
    case YAML_SEQUENCE_START_EVENT:
        return open_node(s, event, 0);
    case YAML_MAPPING_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
        close_node(s);
        return 1;
    case YAML_ALIAS_EVENT:
        return 0;
    case YAML_DOCUMENT_START_EVENT:
        return ++s->documents > 1 ? 0 : 1;
    case YAML_STREAM_END_EVENT:
        return 2;
    default:
        return 1;
    }
}

static int run(State *s, const char *text, Py_ssize_t length) {
    yaml_parser_t parser;
    yaml_event_t event;
    if (!yaml_parser_initialize(&parser)) {
        PyErr_NoMemory();
        return -1;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, (size_t)length);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    int done = 1;
    for (unsigned long events = 1; done == 1; events++) {
        if (!yaml_parser_parse(&parser, &event)) {
            done = 0; /* a syntax error: _build explains it */
            break;
        }
        done = step(s, &event);
        yaml_event_delete(&event);
        if (done == 1 && events % 65536 == 0 && PyErr_CheckSignals() < 0) done = -1; /* Ctrl-C */
    }
    yaml_parser_delete(&parser);
    if (done == 2 && s->streamed != NULL && flush(s) < 0) return -1;
    return done == 2 ? 1 : done;
}

static PyObject *build(PyObject *Py_UNUSED(module), PyObject *args) {
    PyObject *text, *result = NULL;
    State s;
    memset(&s, 0, sizeof s);
    if (!PyArg_ParseTuple(args, "UOpUnnn:build", &text, &s.sink, &s.sink_root_list, &s.streamed_key,
                          &s.batch_size, &s.max_depth, &s.key_depth))
        return NULL;
    Py_ssize_t length;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &length);
    if (utf8 == NULL) {
        PyErr_Clear(); /* text that is not UTF-8 through and through: the slow path says why */
        Py_RETURN_NONE;
    }
    s.stack = PyMem_Calloc((size_t)s.max_depth + 1, sizeof(Frame));
    s.marks = PyDict_New();
    s.key_marks = PyDict_New();
    s.keys = PyDict_New();
    s.nowhere = Py_BuildValue("(ii)", 1, 1);
    int done = -1;
    if (s.stack != NULL && s.marks != NULL && s.key_marks != NULL && s.keys != NULL && s.nowhere != NULL)
        done = run(&s, utf8, length);
    else if (s.stack == NULL)
        PyErr_NoMemory();
    if (done == 1)
        result = PyTuple_Pack(3, s.root ? s.root : Py_None, s.marks, s.key_marks);
    else if (done == 0)
        result = Py_NewRef(Py_None);
    release(&s.now);
    while (s.stack != NULL && s.depth > 0) release(&s.stack[--s.depth]);
    PyMem_Free(s.stack);
    Py_XDECREF(s.root);
    Py_XDECREF(s.marks);
    Py_XDECREF(s.key_marks);
    Py_XDECREF(s.keys);
    Py_XDECREF(s.batch);
    Py_XDECREF(s.places);
    Py_XDECREF(s.nowhere);
    return result;
}

static PyMethodDef methods[] = {
    {"build", build, METH_VARARGS,
     "build(text, sink, sink_root_list, streamed_key, batch, max_depth, key_depth) -> "
     "(root, mapping_marks, key_marks) or None: see coopcheck.loading.yamlsource."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef definition = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_yamlbuild",
    .m_doc = "The fast path of coopcheck.loading.yamlsource.parse, on libyaml.",
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC PyInit__yamlbuild(void) { return PyModule_Create(&definition); }
