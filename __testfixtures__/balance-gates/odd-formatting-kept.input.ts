import express    from 'express'
import OpenAI from "openai"

const router = express.Router()
const openai = new OpenAI( )

router.post('/chat', async (req: express.Request & { user?: { id: string } }, res) => {
    if (!req.user) return res.status( 401 ).end()
    if (!await allowed(req.user.id)) return res.status(403).end()
    const reply = await openai.chat.completions.create({
        model: 'gpt-4o-mini', messages: [ { role: 'user', content: req.body.prompt } ]
    })

    const   text = reply.choices[0]?.message?.content ?? ''  ;
    res.json( { text,
                model: reply.model } )   // answer
})

async function allowed(id: string) { return id !== '' }

export default router
