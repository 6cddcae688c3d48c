// Real IndexedDB semantics in Node for the data layer's tests; Node's own Blob survives storage.
import 'fake-indexeddb/auto';
