/**
 * Photos: uploaded once over HTTP ({@code POST /photos}, what {@code wx.uploadFile} sends), attached by id to orders
 * and receipts, and shown through short-lived signed URLs so an {@code <image>} tag can load them without a token.
 */
@NullMarked
package cn.linli.photo;

import org.jspecify.annotations.NullMarked;
