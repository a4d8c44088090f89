package io.failoverlab.lab;

public enum Role { MONITOR, NODE }
