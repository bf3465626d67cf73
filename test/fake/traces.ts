// What Xvfb did in each scenario of scenarios.ts (written by record-traces.ts; do not edit).
import type { StepTrace } from './stage.js';

export const TRACES: Record<string, readonly StepTrace[]> = {
  "map under redirect": [
    {
      step: "created",
      wm: [
        {"select root":null},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
      ],
      client: [
      ],
    },
    {
      step: "client maps",
      wm: [
        {"kind":"MapRequest","window":"c1","parent":"root","synthetic":false},
      ],
      client: [
      ],
    },
    {
      step: "wm maps",
      wm: [
        {"attributes":{"mapState":"unmapped","overrideRedirect":false,"inputOnly":false}},
        {"kind":"MapNotify","window":"c1","event":"root","overrideRedirect":false},
      ],
      client: [
        {"kind":"MapNotify","window":"c1","event":"c1","overrideRedirect":false},
      ],
    },
    {
      step: "wm maps again",
      wm: [
        {"attributes":{"mapState":"viewable","overrideRedirect":false,"inputOnly":false}},
      ],
      client: [
      ],
    },
    {
      step: "wm unmaps",
      wm: [
        {"kind":"UnmapNotify","window":"c1","event":"root","synthetic":false},
      ],
      client: [
        {"kind":"UnmapNotify","window":"c1","event":"c1","synthetic":false},
      ],
    },
    {
      step: "wm unmaps again",
      wm: [
      ],
      client: [
      ],
    },
    {
      step: "override-redirect maps itself",
      wm: [
        {"kind":"CreateNotify","parent":"root","overrideRedirect":true},
        {"kind":"MapNotify","window":"c2","event":"root","overrideRedirect":true},
      ],
      client: [
        {"kind":"MapNotify","window":"c2","event":"c2","overrideRedirect":true},
      ],
    },
  ],
  "configure and stack": [
    {
      step: "both mapped",
      wm: [
        {"select root":null},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"MapNotify","window":"c1","event":"root","overrideRedirect":false},
        {"kind":"MapNotify","window":"c2","event":"root","overrideRedirect":false},
      ],
      client: [
        {"kind":"MapNotify","window":"c1","event":"c1","overrideRedirect":false},
        {"kind":"MapNotify","window":"c2","event":"c2","overrideRedirect":false},
      ],
    },
    {
      step: "same geometry",
      wm: [
      ],
      client: [
      ],
    },
    {
      step: "new geometry",
      wm: [
        {"kind":"ConfigureNotify","window":"c1","event":"root","x":0,"y":0,"width":640,"height":400},
      ],
      client: [
        {"kind":"ConfigureNotify","window":"c1","event":"c1","x":0,"y":0,"width":640,"height":400},
      ],
    },
    {
      step: "raised over b",
      wm: [
        {"kind":"ConfigureNotify","window":"c1","event":"root","x":0,"y":0,"width":640,"height":400},
      ],
      client: [
        {"kind":"ConfigureNotify","window":"c1","event":"c1","x":0,"y":0,"width":640,"height":400},
      ],
    },
    {
      step: "raised when on top",
      wm: [
      ],
      client: [
      ],
    },
    {
      step: "below its sibling",
      wm: [
        {"tree":{"root":"root","parent":"None","children":["c2","c1"]}},
        {"kind":"ConfigureNotify","window":"c1","event":"root","x":0,"y":0,"width":640,"height":400},
      ],
      client: [
        {"kind":"ConfigureNotify","window":"c1","event":"c1","x":0,"y":0,"width":640,"height":400},
      ],
    },
    {
      step: "client asks for x and width",
      wm: [
        {"tree":{"root":"root","parent":"None","children":["c1","c2"]}},
        {"kind":"ConfigureRequest","window":"c2","parent":"root","x":5,"y":20,"width":50,"height":200,"borderWidth":0,"sibling":"None","stackMode":0,"mask":5},
      ],
      client: [
      ],
    },
    {
      step: "client asks to go below a",
      wm: [
        {"kind":"ConfigureRequest","window":"c2","parent":"root","x":10,"y":20,"width":300,"height":200,"borderWidth":0,"sibling":"c1","stackMode":1,"mask":96},
      ],
      client: [
      ],
    },
    {
      step: "override-redirect moves itself",
      wm: [
        {"kind":"CreateNotify","parent":"root","overrideRedirect":true},
        {"kind":"ConfigureNotify","window":"c3","event":"root","x":7,"y":8,"width":100,"height":100},
      ],
      client: [
        {"kind":"ConfigureNotify","window":"c3","event":"c3","x":7,"y":8,"width":100,"height":100},
      ],
    },
    {
      step: "bad configures",
      wm: [
        {"error":"BadMatch","request":12,"value":"c1"},
        {"error":"BadValue","request":12,"value":"None"},
      ],
      client: [
      ],
    },
  ],
  "destroyed windows": [
    {
      step: "mapped",
      wm: [
        {"select root":null},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"MapNotify","window":"c1","event":"root","overrideRedirect":false},
      ],
      client: [
        {"kind":"MapNotify","window":"c1","event":"c1","overrideRedirect":false},
      ],
    },
    {
      step: "client destroys it",
      wm: [
        {"kind":"UnmapNotify","window":"c1","event":"root","synthetic":false},
        {"kind":"DestroyNotify","window":"c1","event":"root"},
      ],
      client: [
        {"kind":"UnmapNotify","window":"c1","event":"c1","synthetic":false},
        {"kind":"DestroyNotify","window":"c1","event":"c1"},
      ],
    },
    {
      step: "void requests on it",
      wm: [
        {"error":"BadWindow","request":8,"value":"c1"},
        {"error":"BadWindow","request":18,"value":"c1"},
        {"error":"BadWindow","request":12,"value":"c1"},
        {"error":"BadWindow","request":42,"value":"c1"},
        {"error":"BadWindow","request":6,"value":"c1"},
        {"error":"BadWindow","request":25,"value":"c1"},
        {"error":"BadWindow","request":28,"value":"c1"},
        {"error":"BadWindow","request":2,"value":"c1"},
        {"error":"BadValue","request":113,"value":"c1"},
      ],
      client: [
      ],
    },
    {
      step: "requests with replies on it",
      wm: [
        {"getProperty":{"error":"BadWindow","request":20,"value":"c1"}},
        {"getGeometry":{"error":"BadDrawable","request":14,"value":"c1"}},
        {"getWindowAttributes":{"error":"BadWindow","request":3,"value":"c1"}},
        {"queryTree":{"error":"BadWindow","request":15,"value":"c1"}},
      ],
      client: [
      ],
    },
  ],
  "properties": [
    {
      step: "delete an absent property",
      wm: [
        {"select root":null},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
      ],
      client: [
      ],
    },
    {
      step: "set twice",
      wm: [
        {"kind":"PropertyNotify","window":"c1","atom":39,"deleted":false},
        {"kind":"PropertyNotify","window":"c1","atom":39,"deleted":false},
      ],
      client: [
        {"kind":"PropertyNotify","window":"c1","atom":39,"deleted":false},
        {"kind":"PropertyNotify","window":"c1","atom":39,"deleted":false},
      ],
    },
    {
      step: "append of another type; delete",
      wm: [
        {"any type":{"type":31,"format":8,"data":"68656c6c6f20776f726c64"}},
        {"one long":{"type":31,"format":8,"data":"68656c6c"}},
        {"other type":{"type":31,"format":8,"data":""}},
        {"no long":{"type":31,"format":8,"data":""}},
        {"absent":null},
        {"kind":"PropertyNotify","window":"c1","atom":19,"deleted":false},
        {"kind":"PropertyNotify","window":"c1","atom":19,"deleted":false},
        {"kind":"PropertyNotify","window":"c1","atom":19,"deleted":false},
        {"appended, prepended":{"type":6,"format":32,"data":"0000000001000000020000000300000004000000"}},
        {"two longs":{"type":6,"format":32,"data":"0000000001000000"}},
        {"error":"BadMatch","request":18,"value":"0x13"},
        {"kind":"PropertyNotify","window":"c1","atom":39,"deleted":false},
        {"16-bit":{"type":31,"format":16,"data":"01000200"}},
        {"kind":"PropertyNotify","window":"c1","atom":19,"deleted":true},
      ],
      client: [
        {"kind":"PropertyNotify","window":"c1","atom":19,"deleted":false},
        {"kind":"PropertyNotify","window":"c1","atom":19,"deleted":false},
        {"kind":"PropertyNotify","window":"c1","atom":19,"deleted":false},
        {"kind":"PropertyNotify","window":"c1","atom":39,"deleted":false},
        {"kind":"PropertyNotify","window":"c1","atom":19,"deleted":true},
      ],
    },
  ],
  "own windows and client messages": [
    {
      step: "created",
      wm: [
        {"select root":null},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":true},
      ],
      client: [
      ],
    },
    {
      step: "mapped",
      wm: [
        {"kind":"MapNotify","window":"own1","event":"root","overrideRedirect":true},
        {"kind":"Expose","window":"own1","count":0},
      ],
      client: [
      ],
    },
    {
      step: "to its own window, no mask",
      wm: [
        {"kind":"ClientMessage","window":"own1","type":"FION_SYNC","format":32,"data":["own1",7,0,0,0]},
      ],
      client: [
      ],
    },
    {
      step: "a client to the root",
      wm: [
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"ClientMessage","window":"c1","type":"FION_SYNC","format":32,"data":["c1",9,0,0,0]},
      ],
      client: [
      ],
    },
    {
      step: "back to the client",
      wm: [
      ],
      client: [
        {"kind":"ClientMessage","window":"c1","type":"FION_SYNC","format":32,"data":["c1",9,0,0,0]},
      ],
    },
    {
      step: "synthetic ConfigureNotify",
      wm: [
      ],
      client: [
        {"kind":"ConfigureNotify","window":"c1","event":"c1","x":1,"y":2,"width":3,"height":4},
      ],
    },
    {
      step: "withdrawn before mapped",
      wm: [
        {"kind":"UnmapNotify","window":"c1","event":"root","synthetic":true},
      ],
      client: [
      ],
    },
  ],
  "reparented away and back": [
    {
      step: "mapped",
      wm: [
        {"select root":null},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"MapNotify","window":"c1","event":"root","overrideRedirect":false},
      ],
      client: [
        {"kind":"MapNotify","window":"c1","event":"c1","overrideRedirect":false},
      ],
    },
    {
      step: "into an unmapped window of its client",
      wm: [
        {"kind":"UnmapNotify","window":"c1","event":"root","synthetic":false},
        {"kind":"ReparentNotify","window":"c1","event":"root","parent":"c2","overrideRedirect":false},
      ],
      client: [
        {"kind":"UnmapNotify","window":"c1","event":"c1","synthetic":false},
        {"kind":"ReparentNotify","window":"c1","event":"c1","parent":"c2","overrideRedirect":false},
        {"kind":"MapNotify","window":"c1","event":"c1","overrideRedirect":false},
      ],
    },
    {
      step: "back to the root",
      wm: [
        {"attributes":{"mapState":"unviewable","overrideRedirect":false,"inputOnly":false}},
        {"kind":"ReparentNotify","window":"c1","event":"root","parent":"root","overrideRedirect":false},
        {"kind":"MapRequest","window":"c1","parent":"root","synthetic":false},
      ],
      client: [
        {"kind":"UnmapNotify","window":"c1","event":"c1","synthetic":false},
        {"kind":"ReparentNotify","window":"c1","event":"c1","parent":"root","overrideRedirect":false},
      ],
    },
    {
      step: "holder mapped with a child",
      wm: [
        {"attributes":{"mapState":"unmapped","overrideRedirect":false,"inputOnly":false}},
        {"geometry":{"x":7,"y":7,"width":100,"height":100,"borderWidth":0}},
        {"kind":"MapNotify","window":"c2","event":"root","overrideRedirect":false},
      ],
      client: [
        {"kind":"MapNotify","window":"c2","event":"c2","overrideRedirect":false},
        {"kind":"MapNotify","window":"c3","event":"c3","overrideRedirect":false},
      ],
    },
    {
      step: "holder destroyed",
      wm: [
        {"kind":"UnmapNotify","window":"c2","event":"root","synthetic":false},
        {"kind":"DestroyNotify","window":"c2","event":"root"},
      ],
      client: [
        {"kind":"UnmapNotify","window":"c2","event":"c2","synthetic":false},
        {"kind":"DestroyNotify","window":"c3","event":"c3"},
        {"kind":"DestroyNotify","window":"c2","event":"c2"},
      ],
    },
  ],
  "focus": [
    {
      step: "set up",
      wm: [
        {"select root":null},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":true},
        {"kind":"MapNotify","window":"c1","event":"root","overrideRedirect":false},
        {"kind":"MapNotify","window":"c2","event":"root","overrideRedirect":false},
        {"kind":"MapNotify","window":"own1","event":"root","overrideRedirect":true},
      ],
      client: [
        {"kind":"MapNotify","window":"c1","event":"c1","overrideRedirect":false},
        {"kind":"MapNotify","window":"c2","event":"c2","overrideRedirect":false},
        {"kind":"MapNotify","window":"c3","event":"c3","overrideRedirect":false},
        {"kind":"MapNotify","window":"c4","event":"c4","overrideRedirect":false},
      ],
    },
    {
      step: "focus a",
      wm: [
        {"kind":"FocusOut","window":"root","detail":5,"mode":0},
        {"kind":"FocusOut","window":"root","detail":6,"mode":0},
        {"kind":"FocusIn","window":"root","detail":4,"mode":0},
        {"kind":"FocusIn","window":"c1","detail":3,"mode":0},
      ],
      client: [
        {"kind":"FocusIn","window":"c1","detail":3,"mode":0},
      ],
    },
    {
      step: "focus b",
      wm: [
        {"kind":"FocusOut","window":"c1","detail":3,"mode":0},
        {"kind":"FocusIn","window":"c2","detail":3,"mode":0},
      ],
      client: [
        {"kind":"FocusOut","window":"c1","detail":3,"mode":0},
        {"kind":"FocusIn","window":"c2","detail":3,"mode":0},
      ],
    },
    {
      step: "focus a",
      wm: [
        {"kind":"FocusOut","window":"c2","detail":3,"mode":0},
        {"kind":"FocusIn","window":"c1","detail":3,"mode":0},
      ],
      client: [
        {"kind":"FocusOut","window":"c2","detail":3,"mode":0},
        {"kind":"FocusIn","window":"c1","detail":3,"mode":0},
      ],
    },
    {
      step: "focus a again",
      wm: [
      ],
      client: [
      ],
    },
    {
      step: "focus a11",
      wm: [
        {"kind":"FocusOut","window":"c1","detail":2,"mode":0},
      ],
      client: [
        {"kind":"FocusOut","window":"c1","detail":2,"mode":0},
        {"kind":"FocusIn","window":"c3","detail":1,"mode":0},
        {"kind":"FocusIn","window":"c4","detail":0,"mode":0},
      ],
    },
    {
      step: "focus a",
      wm: [
        {"kind":"FocusIn","window":"c1","detail":2,"mode":0},
      ],
      client: [
        {"kind":"FocusOut","window":"c4","detail":0,"mode":0},
        {"kind":"FocusOut","window":"c3","detail":1,"mode":0},
        {"kind":"FocusIn","window":"c1","detail":2,"mode":0},
      ],
    },
    {
      step: "focus root",
      wm: [
        {"kind":"FocusOut","window":"c1","detail":0,"mode":0},
        {"kind":"FocusIn","window":"root","detail":2,"mode":0},
      ],
      client: [
        {"kind":"FocusOut","window":"c1","detail":0,"mode":0},
      ],
    },
    {
      step: "focus a11",
      wm: [
        {"kind":"FocusOut","window":"root","detail":2,"mode":0},
        {"kind":"FocusIn","window":"c1","detail":1,"mode":0},
      ],
      client: [
        {"kind":"FocusIn","window":"c1","detail":1,"mode":0},
        {"kind":"FocusIn","window":"c3","detail":1,"mode":0},
        {"kind":"FocusIn","window":"c4","detail":0,"mode":0},
      ],
    },
    {
      step: "focus b",
      wm: [
        {"kind":"FocusOut","window":"c1","detail":4,"mode":0},
        {"kind":"FocusIn","window":"c2","detail":3,"mode":0},
      ],
      client: [
        {"kind":"FocusOut","window":"c4","detail":3,"mode":0},
        {"kind":"FocusOut","window":"c3","detail":4,"mode":0},
        {"kind":"FocusOut","window":"c1","detail":4,"mode":0},
        {"kind":"FocusIn","window":"c2","detail":3,"mode":0},
      ],
    },
    {
      step: "focus own",
      wm: [
        {"kind":"FocusOut","window":"c2","detail":3,"mode":0},
      ],
      client: [
        {"kind":"FocusOut","window":"c2","detail":3,"mode":0},
      ],
    },
    {
      step: "focus PointerRoot",
      wm: [
        {"kind":"FocusOut","window":"root","detail":4,"mode":0},
        {"kind":"FocusIn","window":"root","detail":6,"mode":0},
        {"kind":"FocusIn","window":"root","detail":5,"mode":0},
      ],
      client: [
      ],
    },
    {
      step: "focus None",
      wm: [
        {"kind":"FocusOut","window":"root","detail":6,"mode":0},
        {"kind":"FocusIn","window":"root","detail":7,"mode":0},
      ],
      client: [
      ],
    },
    {
      step: "focus a",
      wm: [
        {"kind":"FocusOut","window":"root","detail":7,"mode":0},
        {"kind":"FocusIn","window":"root","detail":4,"mode":0},
        {"kind":"FocusIn","window":"c1","detail":3,"mode":0},
      ],
      client: [
        {"kind":"FocusIn","window":"c1","detail":3,"mode":0},
      ],
    },
    {
      step: "keyboard grabbed",
      wm: [
        {"kind":"FocusOut","window":"c1","detail":0,"mode":1},
        {"kind":"FocusIn","window":"root","detail":2,"mode":1},
        {"grab":0},
      ],
      client: [
        {"kind":"FocusOut","window":"c1","detail":0,"mode":1},
      ],
    },
    {
      step: "grabbed again, and by the client",
      wm: [
        {"grab again":0},
        {"client grab":1},
      ],
      client: [
      ],
    },
    {
      step: "focus b while grabbed (mode 3)",
      wm: [
        {"kind":"FocusOut","window":"c1","detail":3,"mode":3},
        {"kind":"FocusIn","window":"c2","detail":3,"mode":3},
      ],
      client: [
        {"kind":"FocusOut","window":"c1","detail":3,"mode":3},
        {"kind":"FocusIn","window":"c2","detail":3,"mode":3},
      ],
    },
    {
      step: "ungrabbed",
      wm: [
        {"kind":"FocusOut","window":"root","detail":2,"mode":2},
        {"kind":"FocusIn","window":"c2","detail":0,"mode":2},
      ],
      client: [
        {"kind":"FocusIn","window":"c2","detail":0,"mode":2},
      ],
    },
    {
      step: "the client held it",
      wm: [
        {"client grab":0},
        {"kind":"FocusOut","window":"c2","detail":3,"mode":1},
        {"kind":"FocusIn","window":"c2","detail":3,"mode":1},
        {"wm grab":1},
        {"kind":"FocusOut","window":"c2","detail":3,"mode":2},
        {"kind":"FocusIn","window":"c2","detail":3,"mode":2},
      ],
      client: [
        {"kind":"FocusOut","window":"c2","detail":3,"mode":1},
        {"kind":"FocusIn","window":"c2","detail":3,"mode":1},
        {"kind":"FocusOut","window":"c2","detail":3,"mode":2},
        {"kind":"FocusIn","window":"c2","detail":3,"mode":2},
      ],
    },
    {
      step: "focus on an unmapped window",
      wm: [
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"grab on an unmapped window":3},
        {"error":"BadMatch","request":42,"value":"c5"},
      ],
      client: [
      ],
    },
    {
      step: "focused b unmapped (revert to PointerRoot)",
      wm: [
        {"kind":"UnmapNotify","window":"c2","event":"root","synthetic":false},
        {"kind":"FocusOut","window":"c2","detail":3,"mode":0},
        {"kind":"FocusOut","window":"root","detail":4,"mode":0},
        {"kind":"FocusIn","window":"root","detail":6,"mode":0},
        {"kind":"FocusIn","window":"root","detail":5,"mode":0},
      ],
      client: [
        {"kind":"UnmapNotify","window":"c2","event":"c2","synthetic":false},
        {"kind":"FocusOut","window":"c2","detail":3,"mode":0},
      ],
    },
    {
      step: "a11 focused, revert to Parent",
      wm: [
        {"kind":"FocusOut","window":"root","detail":5,"mode":0},
        {"kind":"FocusOut","window":"root","detail":6,"mode":0},
        {"kind":"FocusIn","window":"root","detail":4,"mode":0},
        {"kind":"FocusIn","window":"c1","detail":4,"mode":0},
      ],
      client: [
        {"kind":"FocusIn","window":"c1","detail":4,"mode":0},
        {"kind":"FocusIn","window":"c3","detail":4,"mode":0},
        {"kind":"FocusIn","window":"c4","detail":3,"mode":0},
      ],
    },
    {
      step: "a11 destroyed with its parent",
      wm: [
        {"kind":"FocusIn","window":"c1","detail":2,"mode":0},
      ],
      client: [
        {"kind":"UnmapNotify","window":"c3","event":"c3","synthetic":false},
        {"kind":"FocusOut","window":"c4","detail":0,"mode":0},
        {"kind":"FocusOut","window":"c3","detail":1,"mode":0},
        {"kind":"FocusIn","window":"c1","detail":2,"mode":0},
        {"kind":"DestroyNotify","window":"c4","event":"c4"},
        {"kind":"DestroyNotify","window":"c3","event":"c3"},
      ],
    },
  ],
  "keys and clicks": [
    {
      step: "set up",
      wm: [
        {"select root":null},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":true},
        {"kind":"MapNotify","window":"c1","event":"root","overrideRedirect":false},
        {"kind":"MapNotify","window":"own1","event":"root","overrideRedirect":true},
        {"kind":"Expose","window":"own1","count":0},
        {"kind":"FocusOut","window":"root","detail":5,"mode":0},
        {"kind":"FocusOut","window":"root","detail":6,"mode":0},
        {"kind":"FocusIn","window":"root","detail":4,"mode":0},
        {"kind":"FocusIn","window":"c1","detail":3,"mode":0},
      ],
      client: [
        {"kind":"MapNotify","window":"c1","event":"c1","overrideRedirect":false},
        {"kind":"FocusIn","window":"c1","detail":3,"mode":0},
      ],
    },
    {
      step: "a grabbed key",
      wm: [
        {"kind":"FocusOut","window":"c1","detail":0,"mode":1},
        {"kind":"FocusIn","window":"root","detail":2,"mode":1},
        {"kind":"KeyPress","keycode":38,"state":0,"root":"root","window":"root","child":"None"},
        {"kind":"KeyRelease","keycode":38,"state":0,"root":"root","window":"root","child":"None"},
        {"kind":"FocusOut","window":"root","detail":2,"mode":2},
        {"kind":"FocusIn","window":"c1","detail":0,"mode":2},
      ],
      client: [
        {"kind":"FocusOut","window":"c1","detail":0,"mode":1},
        {"kind":"FocusIn","window":"c1","detail":0,"mode":2},
      ],
    },
    {
      step: "a key nobody grabbed",
      wm: [
      ],
      client: [
        {"kind":"KeyPress","keycode":39,"state":0,"root":"root","window":"c1","child":"None"},
        {"kind":"KeyRelease","keycode":39,"state":0,"root":"root","window":"c1","child":"None"},
      ],
    },
    {
      step: "a click into a",
      wm: [
        {"kind":"ButtonPress","button":1,"state":0,"root":"root","window":"c1","child":"None","x":50,"y":50,"rootX":150,"rootY":150},
      ],
      client: [
      ],
    },
    {
      step: "replayed",
      wm: [
      ],
      client: [
        {"kind":"ButtonPress","button":1,"state":0,"root":"root","window":"c1","child":"None","x":50,"y":50,"rootX":150,"rootY":150},
        {"kind":"ButtonRelease","button":1,"state":256,"root":"root","window":"c1","child":"None","x":50,"y":50,"rootX":150,"rootY":150},
      ],
    },
    {
      step: "a click on the bar",
      wm: [
        {"kind":"ButtonPress","button":3,"state":0,"root":"root","window":"own1","child":"None","x":30,"y":5,"rootX":30,"rootY":5},
      ],
      client: [
      ],
    },
    {
      step: "a key while the keyboard is grabbed",
      wm: [
        {"kind":"FocusOut","window":"c1","detail":0,"mode":1},
        {"kind":"FocusIn","window":"root","detail":2,"mode":1},
        {"grab":0},
        {"kind":"KeyPress","keycode":39,"state":0,"root":"root","window":"root","child":"own1"},
        {"kind":"KeyRelease","keycode":39,"state":0,"root":"root","window":"root","child":"own1"},
      ],
      client: [
        {"kind":"FocusOut","window":"c1","detail":0,"mode":1},
      ],
    },
    {
      step: "ungrabbed",
      wm: [
        {"kind":"FocusOut","window":"root","detail":2,"mode":2},
        {"kind":"FocusIn","window":"c1","detail":0,"mode":2},
      ],
      client: [
        {"kind":"FocusIn","window":"c1","detail":0,"mode":2},
      ],
    },
    {
      step: "the key once ungrabbed",
      wm: [
      ],
      client: [
        {"kind":"KeyPress","keycode":38,"state":0,"root":"root","window":"c1","child":"None"},
        {"kind":"KeyRelease","keycode":38,"state":0,"root":"root","window":"c1","child":"None"},
      ],
    },
  ],
  "closing the connection": [
    {
      step: "set up",
      wm: [
        {"select root":null},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"MapNotify","window":"c1","event":"root","overrideRedirect":false},
        {"kind":"MapNotify","window":"c2","event":"root","overrideRedirect":false},
        {"kind":"MapNotify","window":"c3","event":"root","overrideRedirect":false},
        {"kind":"UnmapNotify","window":"c2","event":"root","synthetic":false},
        {"kind":"UnmapNotify","window":"c3","event":"root","synthetic":false},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":true},
        {"kind":"MapNotify","window":"own1","event":"root","overrideRedirect":true},
        {"kind":"FocusOut","window":"root","detail":5,"mode":0},
        {"kind":"FocusOut","window":"root","detail":6,"mode":0},
        {"kind":"FocusIn","window":"root","detail":4,"mode":0},
      ],
      client: [
        {"kind":"MapNotify","window":"c1","event":"c1","overrideRedirect":false},
        {"kind":"MapNotify","window":"c2","event":"c2","overrideRedirect":false},
        {"kind":"MapNotify","window":"c3","event":"c3","overrideRedirect":false},
        {"kind":"UnmapNotify","window":"c2","event":"c2","synthetic":false},
        {"kind":"UnmapNotify","window":"c3","event":"c3","synthetic":false},
        {"kind":"FocusIn","window":"c1","detail":3,"mode":0},
      ],
    },
    {
      step: "closed",
      wm: [
      ],
      client: [
        {"kind":"MapNotify","window":"c2","event":"c2","overrideRedirect":false},
      ],
    },
  ],
  "killing a client": [
    {
      step: "mapped",
      wm: [
        {"select root":null},
        {"kind":"CreateNotify","parent":"root","overrideRedirect":false},
        {"kind":"MapNotify","window":"c1","event":"root","overrideRedirect":false},
      ],
      client: [
        {"kind":"MapNotify","window":"c1","event":"c1","overrideRedirect":false},
      ],
    },
    {
      step: "killed",
      wm: [
        {"kind":"UnmapNotify","window":"c1","event":"root","synthetic":false},
        {"kind":"DestroyNotify","window":"c1","event":"root"},
      ],
      client: [
      ],
    },
  ],
};
