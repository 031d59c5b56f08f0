package org.ordertracking; public final class Main { public static void main(String[] a){} }
