import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dialsAnywhere, telHref } from './phone.ts';

test('a fixed line with its area code, a mobile or a 400 number dials from anywhere', () => {
  for (const phone of ['0311-12345678', '031112345678', '010-12345678', '13912345678', '400-123-4567']) assert.equal(dialsAnywhere(phone), true, phone);
});

test('a short or local number does not, and gets no tel: link', () => {
  for (const phone of ['12345', '12333', '87654321', '8765-4321', '110', '0311']) {
    assert.equal(dialsAnywhere(phone), false, phone);
    assert.equal(telHref(phone), undefined, phone);
  }
  assert.equal(telHref('0311-12345678'), 'tel:031112345678');
});
