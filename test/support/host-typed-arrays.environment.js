// Jest runs each test file in its own realm, so a Float32Array made there fails onnxruntime-node's
// `instanceof Float32Array` check (made in the host realm). Specs that run ONNX models use the
// host's typed-array constructors: `@jest-environment ./test/support/host-typed-arrays.environment.js`.
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = ['Float32Array', 'Float64Array', 'Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array'];

class HostTypedArraysEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = HostTypedArraysEnvironment;
